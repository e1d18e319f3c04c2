package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.in.web.error.ProblemErrorController;
import dev.worklane.adapter.in.web.openapi.Problems;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiVersioning;
import dev.worklane.adapter.in.web.support.WebSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI contract (issue #7 §8): both documents are served without credentials, are OpenAPI
 * 3.1, describe every controller method, and are written to {@code target/openapi/} for {@code
 * .ci/run}'s Spectral lint. Swagger UI loads, and springdoc's Jackson 2 does not take over the API.
 */
class OpenApiContractIT extends ProjectsE2eTest {
  static final Path OUTPUT = Path.of("target", "openapi");
  static final String WEB_PACKAGE = "dev.worklane.adapter.in.web";

  /** Worklane handlers that are not API operations: the /error dispatch renders problems. */
  static final Set<Class<?>> NOT_DOCUMENTED = Set.of(ProblemErrorController.class);

  /**
   * The admin area (queue dashboard and its JSON API) is deliberately not part of the versioned
   * public API: session-only, admin-only, documented in the README instead.
   */
  static final String ADMIN_PACKAGE = WEB_PACKAGE + ".admin";

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping handlerMapping;

  @Autowired RequestMappingHandlerAdapter handlerAdapter;

  @Autowired WebSettings webSettings;

  @Test
  void servesBothVersionsAsOpenApi31AndSavesThemForTheLint() throws IOException {
    Files.createDirectories(OUTPUT);
    for (String version : List.of("v1", "v2")) {
      JsonNode document = document(version);
      assertThat(document.get("openapi").asString()).startsWith("3.1");
      assertThat(document.get("info").get("version").asString()).isEqualTo(version);
      Files.writeString(
          OUTPUT.resolve(version + ".json"),
          Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }
  }

  @Test
  void everyControllerMethodIsDocumented() {
    List<String> missing = undocumented(handlerMapping.getHandlerMethods(), documents());
    assertThat(missing).as("controller methods missing from /v3/api-docs/{v1,v2}").isEmpty();
    assertThat(worklaneOperations(handlerMapping.getHandlerMethods()))
        .as("the check sees Worklane's controllers")
        .contains("GET /api/v1/users/me", "POST /api/v1/auth/login", "GET /health");
  }

  @Test
  void theAdminAreaIsLeftOutOfThePublicDocumentsOnPurpose() {
    for (JsonNode document : documents()) {
      assertThat(document.get("paths").propertyNames()).noneMatch(p -> p.startsWith("/admin"));
    }
    List<String> admin =
        handlerMapping.getHandlerMethods().entrySet().stream()
            .filter(e -> e.getValue().getBeanType().getPackageName().startsWith(ADMIN_PACKAGE))
            .flatMap(e -> e.getKey().getPatternValues().stream())
            .toList();
    assertThat(admin)
        .as("the exclusion names a package that exists")
        .contains("/admin/queues", "/admin/queues/api/queues");
  }

  @Test
  void coverageCheckFailsWhenAnOperationIsHidden() {
    List<JsonNode> documents = documents();
    ObjectNode v1 = (ObjectNode) documents.getFirst().deepCopy();
    ((ObjectNode) v1.get("paths").get("/api/v1/users/me")).remove("patch");
    ((ObjectNode) v1.get("paths")).remove("/api/v1/auth/logout");
    List<JsonNode> tampered = new ArrayList<>(documents);
    tampered.set(0, v1);
    assertThat(undocumented(handlerMapping.getHandlerMethods(), tampered))
        .containsExactlyInAnyOrder("PATCH /api/v1/users/me", "POST /api/v1/auth/logout");
  }

  @Test
  void describesSecurityEnvelopeProblemsAndHeaders() {
    JsonNode v1 = document("v1");
    JsonNode schemes = v1.at("/components/securitySchemes");
    assertThat(schemes.at("/bearerAuth/scheme").asString()).isEqualTo("bearer");
    assertThat(schemes.at("/sessionCookie/in").asString()).isEqualTo("cookie");
    assertThat(schemes.at("/xsrfToken/name").asString()).isEqualTo("X-XSRF-TOKEN");

    JsonNode me = v1.at("/paths/~1api~1v1~1users~1me/get");
    assertThat(me.get("security").toString()).contains("bearerAuth", "sessionCookie");
    assertThat(me.at("/responses/200/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/UserResponseEnvelope");
    assertThat(me.at("/responses/401/content/application~1problem+json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(me.at("/responses/200/headers").propertyNames())
        .contains("X-Request-Id", "RateLimit", "RateLimit-Policy", "Deprecation", "Sunset", "Link");
    assertThat(me.get("deprecated").asBoolean()).isTrue();
    assertThat(v1.at("/paths/~1api~1v1~1users~1me/patch/security").toString())
        .as("session callers need the CSRF header on unsafe methods")
        .contains("xsrfToken");
    assertThat(v1.at("/paths/~1api~1v1~1users~1{id}~1disable/post/description").asString())
        .contains("ADMIN");

    JsonNode login = v1.at("/paths/~1api~1v1~1auth~1login/post");
    assertThat(login.get("security").isEmpty()).as("login is public").isTrue();
    assertThat(login.get("responses").propertyNames()).contains("400", "401", "429", "500");
    assertThat(login.at("/responses/429/headers").propertyNames()).contains("Retry-After");
    JsonNode register = v1.at("/paths/~1api~1v1~1auth~1register/post/responses");
    assertThat(register.propertyNames()).contains("201", "409").doesNotContain("200");
    assertThat(v1.at("/paths/~1api~1v1~1auth~1logout/post/responses").propertyNames())
        .contains("204")
        .doesNotContain("200");

    JsonNode createProject = v1.at("/paths/~1api~1v1~1projects/post/responses");
    assertThat(createProject.propertyNames()).contains("201").doesNotContain("200");
    assertThat(createProject.at("/201/headers").propertyNames()).contains("Location");
    JsonNode tasks = document("v2").at("/paths/~1api~1v2~1projects~1{projectId}~1tasks/get");
    assertThat(tasks.at("/responses/200/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/TaskResponseCursorPage");
    assertThat(tasks.toString()).contains("\"cursor\"", "\"perPage\"");
    JsonNode patchTask = v1.at("/paths/~1api~1v1~1tasks~1{id}/patch/responses");
    assertThat(patchTask.propertyNames()).contains("412", "428");
    assertThat(v1.at("/paths/~1ready/get/responses/503/content/application~1json").isObject())
        .isTrue();

    assertThat(v1.at("/components/schemas/Problem/properties").propertyNames())
        .contains("type", "title", "status", "detail", "instance", "code", "errors")
        .contains("requestId", "timestamp");
    assertThat(v1.at("/paths/~1health/get/security").isEmpty()).isTrue();
    assertThat(document("v2").at("/paths/~1health/get").isMissingNode()).isFalse();
  }

  /**
   * Statuses that shared code answers for every operation of a kind (ProblemResponses): input
   * binding, the security chain, the body limit, content negotiation, If-Match, the rate limiter,
   * the last-resort handler, outage guards. Every other error status must be declared.
   */
  static final Set<Integer> SHARED_STATUSES =
      Set.of(400, 401, 403, 412, 413, 415, 428, 429, 500, 503);

  @Test
  void eachOperationDocumentsWhatItsHandlerDeclares() {
    assertThat(drift(handlerMapping.getHandlerMethods(), documents()))
        .as("error statuses documented but not declared by the handler, or declared but missing")
        .isEmpty();
    JsonNode v1 = document("v1");
    assertThat(v1.at("/paths/~1api~1v1~1auth~1logout/post/responses").propertyNames())
        .as("logout cannot conflict with anything")
        .doesNotContain("409", "404");
    assertThat(v1.at("/paths/~1api~1v1~1tasks~1{id}/patch/responses").propertyNames())
        .contains("404", "409");
    assertThat(v1.at("/paths/~1api~1v1~1auth~1session/post/responses/403/description").asString())
        .as("the form login is CSRF-protected although public (the traffic showed it)")
        .contains("CSRF_REJECTED");
    assertThat(v1.at("/paths/~1api~1v1~1auth~1login/post/responses/413/description").asString())
        .as("the limit BodySizeLimitFilter enforces")
        .contains(webSettings.maxJsonBodyBytes() + " bytes");
  }

  @Test
  void driftCheckFailsWhenADocumentedStatusIsNotDeclared() {
    List<JsonNode> documents = documents();
    ObjectNode v1 = (ObjectNode) documents.getFirst().deepCopy();
    ObjectNode logout = (ObjectNode) v1.at("/paths/~1api~1v1~1auth~1logout/post/responses");
    logout.set("409", logout.get("500"));
    ((ObjectNode) v1.at("/paths/~1api~1v1~1tasks~1{id}/patch/responses")).remove("404");
    List<JsonNode> tampered = new ArrayList<>(documents);
    tampered.set(0, v1);
    assertThat(drift(handlerMapping.getHandlerMethods(), tampered))
        .containsExactlyInAnyOrder(
            "POST /api/v1/auth/logout documents 409, its handler does not declare it",
            "PATCH /api/v1/tasks/{id} declares 404, the document lacks it");
  }

  /**
   * The validator that judges the end-to-end traffic (Traffic) does fail: a task without a
   * description answers {@code "description": null}, which a document whose schema says only {@code
   * string} must refuse.
   */
  @Test
  void trafficValidationFailsWhenASchemaDoesNotAllowAnAnswer() {
    Account owner = account("MANAGER");
    String projectId = createProject(owner).get("id").asString();
    Api.Response task =
        api()
            .postJson(
                "/api/v1/projects/" + projectId + "/tasks",
                "{\"title\":\"No description\"}",
                owner.token());
    assertThat(task.data().get("description").isNull()).isTrue();
    Traffic.Exchange exchange =
        new Traffic.Exchange(
            "POST", task.raw().uri(), task.status(), task.raw().headers().map(), task.body());
    Map<String, String> documents = Map.of("v1", document("v1").toString());
    assertThat(Traffic.validate(List.of(exchange), documents).violationCount()).isZero();

    ObjectNode broken = (ObjectNode) document("v1").deepCopy();
    ((ObjectNode) broken.at("/components/schemas/TaskResponse/properties/description"))
        .put("type", "string");
    Traffic.Report report = Traffic.validate(List.of(exchange), Map.of("v1", broken.toString()));
    assertThat(report.violations().get("v1"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("/data/description", "null found, string expected");
  }

  /**
   * The files the app serves (FileController) are in both documents: public, their query parameters
   * required, 200 and 206 as bytes with the range headers, and their own problems.
   */
  @Test
  void describesTheFilesTheAppServes() {
    for (JsonNode document : documents()) {
      JsonNode download = document.at("/paths/~1files~1download~1{key}/get");
      JsonNode avatar = document.at("/paths/~1files~1public~1{key}/get");
      for (JsonNode file : List.of(download, avatar)) {
        assertThat(file.get("security").isEmpty()).as("no credentials: %s", file).isTrue();
        assertThat(file.at("/responses/206/headers/Content-Range/required").asBoolean()).isTrue();
        assertThat(file.at("/responses/200/content/*~1*/schema/format").asString())
            .isEqualTo("binary");
        assertThat(file.at("/responses/416/description").asString())
            .contains("RANGE_NOT_SATISFIABLE");
        assertThat(file.at("/responses/503/description").asString())
            .contains("STORAGE_UNAVAILABLE");
        assertThat(file.get("responses").propertyNames()).doesNotContain("204", "401");
        assertThat(file.get("parameters").toString()).contains("\"Range\"");
      }
      List<String> required = new ArrayList<>();
      download
          .get("parameters")
          .forEach(
              p -> {
                if ("query".equals(p.get("in").asString()) && p.get("required").asBoolean()) {
                  required.add(p.get("name").asString());
                }
              });
      assertThat(required).containsExactly("expires", "name", "type", "signature");
      assertThat(download.at("/responses/403/description").asString())
          .contains("LINK_INVALID", "LINK_EXPIRED");
      assertThat(download.at("/responses/200/headers").propertyNames())
          .contains("Content-Disposition", "X-Content-Type-Options", "RateLimit");
      assertThat(download.get("responses").propertyNames()).contains("429");
      assertThat(avatar.at("/responses/200/headers").propertyNames())
          .contains("Cache-Control")
          .doesNotContain("RateLimit");
      assertThat(avatar.get("responses").propertyNames()).doesNotContain("429", "403");
    }
  }

  /** A 206 without its Content-Range breaks the promise, and the traffic check says so. */
  @Test
  void trafficValidationFailsWhenAPartialAnswerLacksItsRange() {
    java.net.URI uri = java.net.URI.create("http://localhost/files/public/avatars/u/1.png");
    Map<String, List<String>> headers =
        Map.of("Content-Type", List.of("image/png"), "Accept-Ranges", List.of("bytes"));
    Map<String, String> documents =
        Map.of("v1", document("v1").toString(), "v2", document("v2").toString());
    Traffic.Exchange whole = new Traffic.Exchange("GET", uri, 200, headers, "PNG");
    Traffic.Report fine = Traffic.validate(List.of(whole), documents);
    assertThat(fine.violationCount()).as("%s", fine.violations()).isZero();
    Traffic.Exchange partial = new Traffic.Exchange("GET", uri, 206, headers, "PN");
    assertThat(Traffic.validate(List.of(partial), documents).violations().get("v2"))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("Content-Range");
  }

  @Test
  void swaggerUiLoadsWithoutCredentials() {
    Api.Response entry = api().call("GET", "/swagger-ui.html").send();
    assertThat(entry.status()).as(entry.toString()).isEqualTo(302);
    assertThat(entry.header("Location")).endsWith("/swagger-ui/index.html");
    Api.Response page = api().call("GET", "/swagger-ui/index.html").send();
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-initializer.js");
    for (String asset :
        List.of(
            "/swagger-ui/swagger-initializer.js",
            "/swagger-ui/swagger-ui-bundle.js",
            "/swagger-ui/swagger-ui.css")) {
      assertThat(api().call("GET", asset).send().status()).as(asset).isEqualTo(200);
    }
    Api.Response yaml = api().call("GET", "/v3/api-docs.yaml/v2").send();
    assertThat(yaml.status()).as(yaml.toString()).isEqualTo(200);
    assertThat(yaml.body()).startsWith("openapi: 3.1");
    Api.Response config = api().call("GET", "/v3/api-docs/swagger-config").send();
    assertThat(config.status()).isEqualTo(200);
    assertThat(config.body()).contains("/v3/api-docs/v1", "/v3/api-docs/v2");
  }

  /** springdoc brings Jackson 2; the API must still be written and read by Boot's Jackson 3. */
  @Test
  void apiStaysOnJackson3AndStrict() {
    List<String> converters =
        handlerAdapter.getMessageConverters().stream()
            .map(HttpMessageConverter::getClass)
            .map(Class::getName)
            .toList();
    assertThat(converters).noneMatch(name -> name.contains("Jackson2"));
    assertThat(converters).anyMatch(name -> name.endsWith(".JacksonJsonHttpMessageConverter"));
    Api.Response unknown =
        api()
            .postJson(
                "/api/v1/auth/login",
                "{\"email\":\"a@example.com\",\"password\":\"x\",\"admin\":true}");
    assertProblem(unknown, 400, "UNKNOWN_PROPERTY");
  }

  private JsonNode document(String version) {
    Api.Response response = api().call("GET", "/v3/api-docs/" + version).send();
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  private List<JsonNode> documents() {
    return List.of(document("v1"), document("v2"));
  }

  /** "METHOD /path" of every handler method of Worklane's controllers. */
  static List<String> worklaneOperations(Map<RequestMappingInfo, HandlerMethod> handlers) {
    List<String> operations = new ArrayList<>();
    handlers.forEach(
        (info, handler) -> {
          Class<?> type = handler.getBeanType();
          if (!type.getPackageName().startsWith(WEB_PACKAGE)
              || type.getPackageName().startsWith(ADMIN_PACKAGE)
              || NOT_DOCUMENTED.contains(type)) {
            return;
          }
          Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
          for (String pattern : info.getPatternValues()) {
            for (String path : concrete(pattern, handler)) {
              if (methods.isEmpty()) {
                operations.add("ANY " + path);
              }
              methods.forEach(method -> operations.add(method.name() + " " + path));
            }
          }
        });
    return operations;
  }

  /**
   * The paths a mapping pattern stands for: {@code /api/v{version}/…} once per API version its
   * handler serves ({@code "1"}, {@code "2"}, {@code "1+"}), regex constraints dropped.
   */
  static List<String> concrete(String pattern, HandlerMethod handler) {
    // {*key} (the rest of the path, a file key) is documented as one {key}
    String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}").replace("{*", "{");
    if (!path.startsWith(ApiPaths.VERSIONED + "/")) {
      return List.of(path);
    }
    String declared = ApiVersioning.declaredVersion(handler.getMethod());
    return IntStream.rangeClosed(1, 2)
        .filter(major -> ApiVersioning.serves(declared, major))
        .mapToObj(major -> ApiPaths.root(major) + path.substring(ApiPaths.VERSIONED.length()))
        .toList();
  }

  /** The Worklane operations that no document describes. */
  static List<String> undocumented(
      Map<RequestMappingInfo, HandlerMethod> handlers, List<JsonNode> documents) {
    Map<String, Set<String>> documented = new LinkedHashMap<>();
    for (JsonNode document : documents) {
      document
          .get("paths")
          .properties()
          .forEach(
              path ->
                  documented
                      .computeIfAbsent(path.getKey(), k -> new java.util.HashSet<>())
                      .addAll(path.getValue().propertyNames()));
    }
    return worklaneOperations(handlers).stream()
        .filter(
            operation -> {
              String method = operation.substring(0, operation.indexOf(' '));
              String path = operation.substring(operation.indexOf(' ') + 1);
              Set<String> methods = documented.get(path);
              return methods == null
                  || !("ANY".equals(method) || methods.contains(method.toLowerCase()));
            })
        .distinct()
        .toList();
  }

  /** Where the documents and the handlers' declared problem statuses disagree. */
  static List<String> drift(
      Map<RequestMappingInfo, HandlerMethod> handlers, List<JsonNode> documents) {
    List<String> drift = new ArrayList<>();
    handlers.forEach(
        (info, handler) -> {
          if (!handler.getBeanType().getPackageName().startsWith(WEB_PACKAGE)
              || handler.getBeanType().getPackageName().startsWith(ADMIN_PACKAGE)
              || NOT_DOCUMENTED.contains(handler.getBeanType())) {
            return;
          }
          Set<Integer> declared = declared(handler);
          for (String path :
              info.getPatternValues().stream()
                  .flatMap(p -> concrete(p, handler).stream())
                  .toList()) {
            for (RequestMethod method : info.getMethodsCondition().getMethods()) {
              String name = method.name() + " " + path;
              for (JsonNode document : documents) {
                JsonNode responses =
                    document
                        .path("paths")
                        .path(path)
                        .path(method.name().toLowerCase())
                        .path("responses");
                if (responses.isMissingNode()) {
                  continue;
                }
                Set<Integer> documented = new java.util.TreeSet<>();
                responses.propertyNames().stream()
                    .map(Integer::parseInt)
                    .filter(status -> status >= 400)
                    .forEach(documented::add);
                documented.stream()
                    .filter(s -> !SHARED_STATUSES.contains(s) && !declared.contains(s))
                    .forEach(
                        s ->
                            drift.add(
                                name + " documents " + s + ", its handler does not declare it"));
                declared.stream()
                    .filter(s -> !documented.contains(s))
                    .forEach(s -> drift.add(name + " declares " + s + ", the document lacks it"));
              }
            }
          }
        });
    return drift.stream().distinct().toList();
  }

  /** What a handler declares: {@code @Problems} and springdoc's {@code @ApiResponse} failures. */
  private static Set<Integer> declared(HandlerMethod handler) {
    Set<Integer> declared = new java.util.TreeSet<>();
    Problems problems = handler.getMethodAnnotation(Problems.class);
    if (problems != null) {
      for (HttpStatus status : problems.value()) {
        declared.add(status.value());
      }
    }
    for (var response :
        handler
            .getMethod()
            .getAnnotationsByType(io.swagger.v3.oas.annotations.responses.ApiResponse.class)) {
      int status = Integer.parseInt(response.responseCode());
      if (status >= 400) {
        declared.add(status);
      }
    }
    return declared;
  }
}
