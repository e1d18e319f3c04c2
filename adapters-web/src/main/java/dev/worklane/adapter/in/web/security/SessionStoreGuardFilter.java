package dev.worklane.adapter.in.web.security;

import dev.worklane.adapter.in.web.error.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs right after Spring Session's filter: when a request carries a session cookie and the session
 * store (Redis) cannot be read, answer 503 with a problem document at once. Left alone, every later
 * component that touches the session would fail in turn and the client would get a bare container
 * error; and 401 would wrongly tell a browser it was logged out. Requests without a session cookie
 * (bearer callers) never touch the store here.
 */
public class SessionStoreGuardFilter extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(SessionStoreGuardFilter.class);
  private final ProblemWriter problems;

  public SessionStoreGuardFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getSession(false);
    } catch (RuntimeException e) {
      LOG.warn("session_store_unavailable error={}", e.getClass().getSimpleName());
      response.setHeader("Retry-After", "5");
      problems.write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "SESSION_STORE_UNAVAILABLE",
          "Sessions are temporarily unavailable; retry shortly or use a bearer token");
      return;
    }
    chain.doFilter(request, response);
  }
}
