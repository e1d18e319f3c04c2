package dev.worklane.adapter.in.web.support;

import java.lang.reflect.Method;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.RequestPath;
import org.springframework.web.accept.ApiVersionParser;
import org.springframework.web.accept.SemanticApiVersionParser;
import org.springframework.web.accept.StandardApiVersionDeprecationHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.config.annotation.ApiVersionConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * API versions on Spring MVC's own versioning: the version is the path segment after {@code /api}
 * ({@code /api/v1/…}, {@code /api/v2/…}), each mapping names the versions it serves ({@link #V1},
 * {@link #V2}, {@link #V1_AND_LATER}), and any other version ({@code /api/v3/…}, {@code
 * /api/v1.5/…}) is a 404 problem like any unknown path (see ProblemHandler). v1 is deprecated: the
 * framework's deprecation handler marks it, {@link DeprecationHeadersFilter} carries it to the
 * responses no handler writes.
 */
@Configuration(proxyBeanMethods = false)
public class ApiVersioning implements WebMvcConfigurer {
  /** Mapping versions: only v1, only v2, and v1 with every later version that does not override. */
  public static final String V1 = "1";

  public static final String V2 = "2";
  public static final String V1_AND_LATER = "1+";

  /** Index of the version in {@code /api/v1/…}: segment 0 is {@code api}. */
  static final int VERSION_SEGMENT = 1;

  /** {@code v1}, {@code v2} as the path writes them; no leading zero, so {@code v01} is unknown. */
  private static final Pattern VERSION = Pattern.compile("v?[1-9][0-9]*(\\.[0-9]+){0,2}");

  /** The one parser for request, mapping and deprecation versions (they must compare equal). */
  static final ApiVersionParser<SemanticApiVersionParser.Version> PARSER =
      new ApiVersionParser<>() {
        private final SemanticApiVersionParser semantic = new SemanticApiVersionParser();

        @Override
        public SemanticApiVersionParser.Version parseVersion(String version) {
          if (!VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not an API version: " + version);
          }
          return semantic.parseVersion(version);
        }
      };

  private final StandardApiVersionDeprecationHandler deprecations;

  public ApiVersioning(StandardApiVersionDeprecationHandler deprecations) {
    this.deprecations = deprecations;
  }

  @Override
  public void configureApiVersioning(ApiVersionConfigurer configurer) {
    configurer
        .usePathSegment(VERSION_SEGMENT, ApiVersioning::isVersioned)
        .setVersionParser(PARSER)
        .addSupportedVersions(V1, V2)
        .detectSupportedVersions(false)
        // health, probes, JWKS, docs and the admin area have no version and need none
        .setVersionRequired(false)
        .setDeprecationHandler(deprecations);
  }

  /** Only {@code /api/…} carries a version; every other path is unversioned. */
  static boolean isVersioned(RequestPath path) {
    return path.pathWithinApplication().value().startsWith("/api/");
  }

  /** The version a handler method declares, its own or its controller's ("" when none). */
  public static String declaredVersion(Method handler) {
    RequestMapping method =
        AnnotatedElementUtils.findMergedAnnotation(handler, RequestMapping.class);
    if (method != null && !method.version().isEmpty()) {
      return method.version();
    }
    RequestMapping type =
        AnnotatedElementUtils.findMergedAnnotation(
            handler.getDeclaringClass(), RequestMapping.class);
    return type == null ? "" : type.version();
  }

  /** Whether a mapping version ({@code "1"}, {@code "2"}, {@code "1+"}) serves a major version. */
  public static boolean serves(String declared, int major) {
    if (declared.isEmpty()) {
      return false;
    }
    boolean andLater = declared.endsWith("+");
    String base = andLater ? declared.substring(0, declared.length() - 1) : declared;
    int from = PARSER.parseVersion(base).getMajor();
    return andLater ? from <= major : from == major;
  }

  /** {@code Deprecation} (RFC 9745) on every v1 response Spring MVC maps to a handler. */
  @Bean
  static StandardApiVersionDeprecationHandler apiVersionDeprecationHandler(
      ApiVersionSettings settings) {
    var handler = new StandardApiVersionDeprecationHandler(PARSER);
    handler
        .configureVersion(V1)
        .setDeprecationDate(settings.v1Deprecation().atStartOfDay(ZoneOffset.UTC));
    return handler;
  }
}
