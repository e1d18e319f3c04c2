package dev.worklane.adapter.in.web.security;

import dev.worklane.adapter.in.web.support.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where a CSRF token lives depends on whether the caller has a session. With one (a logged-in
 * browser) it is a synchronizer token in the session, as before. Without one (the pre-login {@code
 * GET /auth/csrf} that protects the form login) it is a short-lived, HttpOnly, SameSite=Strict
 * cookie that the form post must echo in {@code X-XSRF-TOKEN} (double submit): anonymous callers
 * never make the server create a 7-day session in Redis just to hold a token.
 */
public class SessionOrCookieCsrfTokenRepository implements CsrfTokenRepository {
  static final String HEADER_NAME = "X-XSRF-TOKEN";
  static final String PRE_LOGIN_COOKIE = "XSRF-TOKEN";
  static final Duration PRE_LOGIN_TTL = Duration.ofHours(1);

  private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
  private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

  public SessionOrCookieCsrfTokenRepository() {
    sessions.setHeaderName(HEADER_NAME);
    cookies.setHeaderName(HEADER_NAME);
    cookies.setCookieName(PRE_LOGIN_COOKIE);
    // Only the session login reads it; no other path needs to see it.
    cookies.setCookiePath(ApiPaths.V1_AUTH);
    cookies.setCookieCustomizer(
        cookie -> cookie.httpOnly(true).sameSite("Strict").maxAge(PRE_LOGIN_TTL));
  }

  @Override
  public CsrfToken generateToken(HttpServletRequest request) {
    return sessions.generateToken(request);
  }

  /** {@code null} (at login) clears both: no pre-login token survives into the session. */
  @Override
  public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
    if (token == null) {
      sessions.saveToken(null, request, response);
      if (request.getCookies() != null && cookies.loadToken(request) != null) {
        cookies.saveToken(null, request, response);
      }
    } else if (hasSession(request)) {
      sessions.saveToken(token, request, response);
    } else {
      cookies.saveToken(token, request, response);
    }
  }

  @Override
  public CsrfToken loadToken(HttpServletRequest request) {
    return hasSession(request) ? sessions.loadToken(request) : cookies.loadToken(request);
  }

  private static boolean hasSession(HttpServletRequest request) {
    return request.getSession(false) != null;
  }
}
