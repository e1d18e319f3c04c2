package dev.worklane.adapter.in.web.support;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.web.accept.StandardApiVersionDeprecationHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The part of v1's deprecation Spring MVC cannot carry: it runs its deprecation handler only once a
 * handler is mapped, so the 401, 403, 404 and 429 that filters (and unknown paths) answer would go
 * without. This filter runs that same handler before them ({@code Deprecation}, RFC 9745), and adds
 * what the framework has no notion of: {@code Sunset} as an IMF-fixdate (RFC 8594; Spring's
 * formatter drops the leading zero of the day) and {@code Link: </api/v2/…>;
 * rel="successor-version"} where a v2 mapping serves the same path. Headers are set, not added, so
 * the framework's second pass writes no duplicates.
 */
public class DeprecationHeadersFilter extends OncePerRequestFilter {
  /** RFC 9110 IMF-fixdate (RFC_1123_DATE_TIME would write single-digit days without the 0). */
  private static final DateTimeFormatter IMF_FIXDATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private static final int SUCCESSOR_MAJOR = 2;

  private final StandardApiVersionDeprecationHandler deprecations;
  private final ObjectProvider<RequestMappingHandlerMapping> mappings;
  private final String sunset;
  private volatile List<PathPattern> servedInV2;

  public DeprecationHeadersFilter(
      ApiVersionSettings settings,
      StandardApiVersionDeprecationHandler deprecations,
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings) {
    this.deprecations = deprecations;
    this.mappings = mappings;
    this.sunset = IMF_FIXDATE.format(settings.v1Sunset().atStartOfDay(ZoneOffset.UTC));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // the decoded path Spring MVC routes on (an encoded %76 1 must not dodge the headers)
    return !ApiPaths.isV1(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // no handler is mapped yet: that is why this filter exists
    deprecations.handleVersion(
        ApiVersioning.PARSER.parseVersion(ApiVersioning.V1), null, request, response);
    response.setHeader("Sunset", sunset);
    // from the raw (still percent-encoded) URI: a decoded path could smuggle CR/LF into a header
    String raw = request.getRequestURI().substring(request.getContextPath().length());
    if (raw.startsWith(ApiPaths.V1 + "/")) {
      String successor = ApiPaths.root(SUCCESSOR_MAJOR) + raw.substring(ApiPaths.V1.length());
      if (servedInV2(successor)) {
        response.setHeader("Link", "<" + successor + ">; rel=\"successor-version\"");
      }
    }
    chain.doFilter(request, response);
  }

  private boolean servedInV2(String path) {
    PathContainer container = PathContainer.parsePath(path);
    return servedInV2().stream().anyMatch(pattern -> pattern.matches(container));
  }

  /** The path patterns of the mappings that serve v2, read once from Spring MVC. */
  private List<PathPattern> servedInV2() {
    List<PathPattern> patterns = servedInV2;
    if (patterns == null) {
      patterns =
          mappings.getObject().getHandlerMethods().entrySet().stream()
              .filter(e -> e.getKey().getPathPatternsCondition() != null)
              .filter(
                  e ->
                      ApiVersioning.serves(
                          ApiVersioning.declaredVersion(e.getValue().getMethod()), SUCCESSOR_MAJOR))
              .flatMap(e -> e.getKey().getPathPatternsCondition().getPatterns().stream())
              .toList();
      servedInV2 = patterns;
    }
    return patterns;
  }
}
