package dev.worklane.adapter.in.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One line per request (method, path, status, duration), like pino-http. It runs outside the
 * security chain, so the line carries the MDC's requestId and the userId set after authentication.
 * Only the path is logged: query strings may carry secrets.
 */
public class AccessLogFilter extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger("worklane.http");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    try {
      chain.doFilter(request, response);
    } finally {
      if (LOG.isInfoEnabled()) {
        LOG.info(
            "http_request method={} path={} status={} durationMs={}",
            request.getMethod(),
            request.getRequestURI(),
            response.getStatus(),
            (System.nanoTime() - start) / 1_000_000);
      }
    }
  }
}
