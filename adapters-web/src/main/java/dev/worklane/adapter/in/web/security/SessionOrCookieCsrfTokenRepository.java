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
  static final String HOST_PREFIX = "__Host-";
  static final Duration PRE_LOGIN_TTL = Duration.ofHours(1);

  private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
  private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

  /**
   * @param hostPrefixed {@code __Host-XSRF-TOKEN}: Secure, {@code Path=/} and no Domain (RFC
   *     6265bis cookie prefixes), so no sibling (sub)domain can plant a token of its own; as the
   *     session cookie in the prod profile
   */
  public SessionOrCookieCsrfTokenRepository(boolean hostPrefixed) {
    sessions.setHeaderName(HEADER_NAME);
    cookies.setHeaderName(HEADER_NAME);
    cookies.setCookieName(hostPrefixed ? HOST_PREFIX + PRE_LOGIN_COOKIE : PRE_LOGIN_COOKIE);
    // Only the session login reads it; no other path needs to see it (a __Host- cookie must be /).
    cookies.setCookiePath(hostPrefixed ? "/" : ApiPaths.V1_AUTH);
    cookies.setCookieCustomizer(
        cookie -> {
          cookie.httpOnly(true).sameSite("Strict").maxAge(PRE_LOGIN_TTL);
          if (hostPrefixed) {
            cookie.secure(true);
          }
        });
  }

  /** Whether cookies go {@code __Host-} prefixed: where the session cookie already is. */
  public static boolean hostPrefixed(String sessionCookieName) {
    return sessionCookieName.startsWith(HOST_PREFIX);
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
