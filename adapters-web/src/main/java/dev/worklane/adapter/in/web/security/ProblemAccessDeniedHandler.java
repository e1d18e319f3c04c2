package dev.worklane.adapter.in.web.security;

import dev.worklane.adapter.in.web.error.ProblemWriter;
import dev.worklane.adapter.in.web.support.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/** 403 for coarse role checks in the filter chain; logged as {@code authz_denied}. */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemAccessDeniedHandler.class);
  private final ProblemWriter problems;

  public ProblemAccessDeniedHandler(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
      throws IOException {
    if (ex instanceof CsrfException) {
      LOG.warn("csrf_rejected method={} path={}", request.getMethod(), request.getRequestURI());
      problems.write(
          request,
          response,
          HttpStatus.FORBIDDEN,
          "CSRF_REJECTED",
          "Missing or invalid CSRF token (send X-XSRF-TOKEN from GET " + ApiPaths.V1_CSRF + ")");
      return;
    }
    LOG.warn("authz_denied method={} path={}", request.getMethod(), request.getRequestURI());
    problems.write(request, response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Access denied");
  }
}
