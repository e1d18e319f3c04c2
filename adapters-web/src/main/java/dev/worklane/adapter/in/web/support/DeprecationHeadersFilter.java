package dev.worklane.adapter.in.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Marks every {@code /api/v1} response as deprecated: {@code Deprecation: @<unix-seconds>} (RFC
 * 9745), {@code Sunset: <HTTP-date>} (RFC 8594) and, where the resource exists in v2, {@code Link:
 * </api/v2/…>; rel="successor-version"}. It runs right after the request id, before security and
 * rate limits, and writes the headers before the chain, so the 401, 403, 404 and 429 those answer
 * carry them too. Endpoints with no v2 equivalent (auth, users) get no Link: a link to a path that
 * answers 404 would mislead more than no link.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DeprecationHeadersFilter extends OncePerRequestFilter {
  /** RFC 9110 IMF-fixdate (RFC_1123_DATE_TIME would write single-digit days without the 0). */
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private final String deprecation;
  private final String sunset;

  public DeprecationHeadersFilter(ApiVersionSettings settings) {
    this.deprecation = "@" + settings.v1Deprecation().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    this.sunset = IMF_FIXDATE.format(settings.v1Sunset().atStartOfDay(ZoneOffset.UTC));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !ApiPaths.isV1(path(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Deprecation", deprecation);
    response.setHeader("Sunset", sunset);
    // from the raw (still percent-encoded) URI: a decoded path could smuggle CR/LF into a header
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    String successor = ApiPaths.v2Equivalent(raw);
    if (successor != null) {
      response.addHeader("Link", "<" + successor + ">; rel=\"successor-version\"");
    }
    chain.doFilter(request, response);
  }

  /**
   * The decoded path Spring MVC routes on (an encoded {@code %76 1} must not dodge the headers).
   */
  private static String path(HttpServletRequest request) {
    return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
  }
}
