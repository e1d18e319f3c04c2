package dev.worklane.adapter.in.web.security;

import dev.worklane.adapter.in.web.error.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin area is session-only: a request that carries any {@code Authorization} header is
 * refused with 401 {@code SESSION_REQUIRED} rather than quietly ignored, so a script holding a
 * stolen or leaked API token learns at once that it cannot drive the dashboard.
 */
class SessionOnlyFilter extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(SessionOnlyFilter.class);
  static final String CODE = "SESSION_REQUIRED";

  private final ProblemWriter problems;

  SessionOnlyFilter(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      LOG.warn(
          "admin_bearer_refused method={} path={}", request.getMethod(), request.getRequestURI());
      problems.write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          CODE,
          "The admin area accepts browser sessions only, not bearer tokens");
      return;
    }
    chain.doFilter(request, response);
  }
}
