package dev.worklane.adapter.in.web.openapi;

import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiVersioning;
import dev.worklane.adapter.in.web.support.WebSettings;
import dev.worklane.application.port.in.Actor;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import java.lang.reflect.Method;
import java.util.List;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.RouterOperationCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.accept.SemanticApiVersionParser;

/**
 * The OpenAPI 3.1 contract (issue #7 §8): one document per API version, {@code /v3/api-docs/v1} and
 * {@code /v3/api-docs/v2}, plus Swagger UI. Controllers carry no documentation of their own beyond
 * Bean Validation; {@link ApiContractCustomizer} adds what every operation shares (envelope,
 * problem responses, headers, security), so new controllers are described correctly the day they
 * land. Switched off with {@code WORKLANE_API_DOCS_ENABLED=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
public class OpenApiConfiguration {

  /** What the documentation itself serves: public, never rate-limited (see RateLimitFilter). */
  public static final List<String> DOCS_PATH_PREFIXES =
      List.of("/v3/api-docs", "/swagger-ui", "/swagger-ui.html");

  /** Unversioned endpoints belong to no API version, so both documents describe them. */
  static final String[] UNVERSIONED_PATHS =
      java.util.stream.Stream.concat(
              ApiPaths.PUBLIC_UNLIMITED.stream(),
              java.util.stream.Stream.of(
                  ApiPaths.FILES_DOWNLOAD + "/**", ApiPaths.FILES_PUBLIC + "/**"))
          .toArray(String[]::new);

  /** The version segment of a mapping, however springdoc wrote it. */
  private static final Pattern VERSION_SEGMENT = Pattern.compile("^/api/v[^/]*");

  static {
    // Resolved from the security context by ActorArgumentConfiguration, never sent by a client.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
    // Resolved from the path by Spring MVC's API versioning: the version segment, not a parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(SemanticApiVersionParser.Version.class);
  }

  @Bean
  OpenAPI worklaneOpenApi() {
    Server server =
        new Server()
            .url("/")
            .description("The deployment serving this document (local, staging or production)");
    server.addExtension("x-internal", false);
    return new OpenAPI()
        .info(
            new Info()
                .title("Worklane API")
                .license(
                    new License()
                        .name("Proprietary")
                        .identifier("LicenseRef-Worklane-Proprietary")))
        // Relative: the document is served by the deployment it describes, whatever its host.
        .servers(List.of(server));
  }

  @Bean
  GroupedOpenApi v1Api() {
    return GroupedOpenApi.builder()
        .group("v1")
        .displayName("Worklane API v1 (deprecated)")
        .pathsToMatch(paths(ApiPaths.ALL))
        .addOpenApiMethodFilter(method -> inVersion(method, 1))
        .addRouterOperationCustomizer(atVersion(1))
        .addOpenApiCustomizer(
            api ->
                api.getInfo()
                    .version("v1")
                    .description(
                        """
                        Version 1 of the Worklane projects-and-tasks API. **Deprecated**: every \
                        `/api/v1` response carries `Deprecation`, `Sunset` and a `Link` to its \
                        `/api/v2` successor; it keeps working until the sunset date. Accounts, \
                        authentication and users live here only.

                        """
                            + ApiContractCustomizer.COMMON_DESCRIPTION))
        .build();
  }

  @Bean
  GroupedOpenApi v2Api() {
    return GroupedOpenApi.builder()
        .group("v2")
        .displayName("Worklane API v2")
        .pathsToMatch(paths(ApiPaths.ALL))
        .addOpenApiMethodFilter(method -> inVersion(method, 2))
        .addRouterOperationCustomizer(atVersion(2))
        .addOpenApiCustomizer(
            api ->
                api.getInfo()
                    .version("v2")
                    .description(
                        """
                        Version 2 (current) of the Worklane projects-and-tasks API: tasks embed \
                        their assignee, status values are `todo`, `in-progress`, `done`, and \
                        every list is cursor-paginated. Tokens and sessions are obtained from \
                        the v1 authentication endpoints (`/api/v1/auth/…`, see the v1 document).

                        """
                            + ApiContractCustomizer.COMMON_DESCRIPTION))
        .build();
  }

  /** A document shows the handlers that serve its version, and the unversioned ones. */
  static boolean inVersion(Method handler, int major) {
    String declared = ApiVersioning.declaredVersion(handler);
    return declared.isEmpty() || ApiVersioning.serves(declared, major);
  }

  /**
   * Writes a versioned mapping ({@code /api/v{version}/tasks/{id}}) at its concrete path in this
   * document ({@code /api/v2/tasks/{id}}). springdoc's own rewrite puts a mapping at the one
   * version it declares, so a {@code "1+"} mapping would be missing from v2; this runs before every
   * customizer, which thus sees concrete paths only.
   */
  static RouterOperationCustomizer atVersion(int major) {
    return (operation, handler) -> {
      operation.setPath(
          VERSION_SEGMENT.matcher(operation.getPath()).replaceFirst(ApiPaths.root(major)));
      return operation;
    };
  }

  private static String[] paths(String versioned) {
    String[] all = new String[UNVERSIONED_PATHS.length + 1];
    all[0] = versioned;
    System.arraycopy(UNVERSIONED_PATHS, 0, all, 1, UNVERSIONED_PATHS.length);
    return all;
  }

  @Bean
  ApiContractCustomizer apiContractCustomizer(
      ObjectProvider<WebInvocationPrivilegeEvaluator> privileges,
      ObjectProvider<WebSettings> web,
      @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
    // The body limit the filter enforces (WORKLANE_MAX_JSON_BODY), read when a document is built.
    ProblemResponses problems = new ProblemResponses(() -> web.getObject().maxJsonBodyBytes());
    return new ApiContractCustomizer(new SecurityRequirements(privileges), problems, sessionCookie);
  }

  @Bean
  NullableModelConverter nullableModelConverter() {
    return new NullableModelConverter();
  }

  @Bean
  ChangeModelConverter changeModelConverter() {
    return new ChangeModelConverter();
  }

  @Bean
  HandlerResponseCustomizer handlerResponseCustomizer() {
    return new HandlerResponseCustomizer();
  }
}
