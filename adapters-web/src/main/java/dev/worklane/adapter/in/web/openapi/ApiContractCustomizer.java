package dev.worklane.adapter.in.web.openapi;

import dev.worklane.application.port.model.PageRequest;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * Makes each document say what the API really does, for every operation at once (so controllers
 * that land later are covered without edits):
 *
 * <ul>
 *   <li>success bodies are the {@code {data, meta}} envelope, with {@code OffsetMeta} or {@code
 *       CursorMeta} when the operation takes {@code page} or {@code cursor};
 *   <li>failures are {@code application/problem+json} {@code Problem}s with the statuses the
 *       operation can produce (from its shape: path ids, body, {@code If-Match}, security);
 *   <li>response headers: {@code X-Request-Id}, the IETF rate-limit headers, {@code Retry-After},
 *       and {@code Deprecation}/{@code Sunset}/{@code Link} on {@code /api/v1};
 *   <li>security: asked of Spring Security itself (the {@link WebInvocationPrivilegeEvaluator} of
 *       the API filter chain), so the document cannot drift from the rules that are enforced;
 *   <li>bounds the OWASP lint asks for where the type already implies them (uuid, date-time,
 *       int32/int64), and the pagination limits of SPEC §3.2.
 * </ul>
 */
class ApiContractCustomizer implements GlobalOpenApiCustomizer {
  static final String COMMON_DESCRIPTION =
      """
      **Envelope.** Every success body is `{"data": …, "meta": {"timestamp", "requestId"}}`; \
      offset pages add `meta.page`, `meta.perPage`, `meta.total`, cursor pages `meta.perPage` and \
      `meta.nextCursor` (`null` on the last page).

      **Errors.** Every failure is an RFC 9457 `application/problem+json` document with a stable \
      `code`, field `errors`, `requestId` and `timestamp`. Unknown JSON properties are rejected \
      (400 `UNKNOWN_PROPERTY`).

      **Authentication.** A bearer access token (`POST /api/v1/auth/login`) or a browser session \
      cookie (`POST /api/v1/auth/session`); session-authenticated unsafe requests also send \
      `X-XSRF-TOKEN` (from `GET /api/v1/auth/csrf`).

      **Rate limits.** Shared by all instances; `RateLimit` and `RateLimit-Policy` (IETF draft) \
      on every `/api` response, `429 RATE_LIMITED` with `Retry-After` when exceeded.

      **Correlation.** Send `X-Request-Id` (1–128 of `A-Z a-z 0-9 . _ : -`) to set the request \
      id; it is echoed on every response and in every problem.""";

  static final String BEARER = "bearerAuth";
  static final String SESSION = "sessionCookie";
  static final String XSRF = "xsrfToken";
  static final String PROBLEM_JSON = "application/problem+json";

  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
  private static final Pattern VERSIONED = Pattern.compile("^/api/(v\\d+)/([^/]+).*");
  private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> UNLIMITED = Set.of(OpenApiConfiguration.UNVERSIONED_PATHS);
  private static final Map<String, String> TAG_DESCRIPTIONS =
      Map.of(
          "auth", "Registration, tokens, browser sessions and CSRF tokens",
          "users", "The caller's account and, for admins, everyone's",
          "projects", "Projects and their members",
          "tasks", "Tasks of a project",
          "operations", "Unversioned endpoints: public signing keys and probes");
  private static final String ROLE_NOTE = "Requires role %s (or a role above it).";

  private final ObjectProvider<WebInvocationPrivilegeEvaluator> privileges;
  private final String sessionCookie;

  ApiContractCustomizer(
      ObjectProvider<WebInvocationPrivilegeEvaluator> privileges, String sessionCookie) {
    this.privileges = privileges;
    this.sessionCookie = sessionCookie;
  }

  @Override
  public void customise(OpenAPI api) {
    Components components = api.getComponents() == null ? new Components() : api.getComponents();
    api.setComponents(components);
    Map<String, Schema> schemas = new TreeMap<>();
    if (components.getSchemas() != null) {
      schemas.putAll(components.getSchemas());
    }
    components.setSchemas(schemas);
    SharedComponents.addTo(components, sessionCookie);

    Set<String> envelopes = new LinkedHashSet<>();
    Set<String> tags = new LinkedHashSet<>();
    if (api.getPaths() != null) {
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> {
                            var op = new Op(path, method, operation, item);
                            tags.add(tag(op));
                            secure(op);
                            paginate(op);
                            envelopes.addAll(envelope(op, schemas));
                            probe(op);
                            problems(op);
                            headers(op);
                            bound(operation);
                          }));
    }
    envelopes.forEach(schemas::remove);
    dropUnused(api, components);
    schemas.values().forEach(schema -> bound(schema, new IdentityHashMap<>()));
    api.setTags(
        tags.stream()
            .map(name -> new Tag().name(name).description(TAG_DESCRIPTIONS.get(name)))
            .toList());
  }

  /**
   * The shared components a document does not use (v2 has no offset pages and no deprecation
   * headers): a reader should not wonder where they apply.
   */
  private static void dropUnused(OpenAPI api, Components components) {
    String document;
    try {
      document = io.swagger.v3.core.util.Json31.mapper().writeValueAsString(api);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return; // only tidying: keep everything
    }
    for (String meta : List.of("Meta", "OffsetMeta", "CursorMeta")) {
      if (!document.contains("\"#/components/schemas/" + meta + "\"")) {
        components.getSchemas().remove(meta);
      }
    }
    components
        .getHeaders()
        .keySet()
        .removeIf(name -> !document.contains("\"#/components/headers/" + name + "\""));
  }

  /** One operation and what its shape tells about it. */
  private record Op(String path, HttpMethod method, Operation operation, PathItem item) {
    String httpMethod() {
      return method.name();
    }

    boolean isApi() {
      return path.startsWith("/api/");
    }

    boolean isV1() {
      return path.startsWith("/api/v1/");
    }

    boolean isProbe() {
      return "/health".equals(path) || "/ready".equals(path);
    }

    boolean rateLimited() {
      return !UNLIMITED.contains(path);
    }

    boolean unsafe() {
      return UNSAFE.contains(httpMethod());
    }

    boolean hasPathVariables() {
      return PATH_VARIABLE.matcher(path).find();
    }

    boolean hasBody() {
      return operation.getRequestBody() != null;
    }

    boolean secured() {
      return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    }

    Parameter parameter(String in, String name) {
      return parameters(operation).stream()
          .filter(p -> in.equals(p.getIn()) && name.equalsIgnoreCase(p.getName()))
          .findFirst()
          .orElse(null);
    }

    boolean takesIfMatch() {
      return parameter("header", "If-Match") != null;
    }

    /** Reads and writes of a resource whose writes need If-Match: its ETag is what they send. */
    boolean sendsEtag() {
      return (method == HttpMethod.GET || method == HttpMethod.PATCH)
          && item.readOperations().stream()
              .anyMatch(
                  other ->
                      parameters(other).stream()
                          .anyMatch(
                              p ->
                                  "header".equals(p.getIn())
                                      && "If-Match".equalsIgnoreCase(p.getName())));
    }
  }

  private static List<Parameter> parameters(Operation operation) {
    return operation.getParameters() == null ? List.of() : operation.getParameters();
  }

  // --- tags -------------------------------------------------------------------------------

  /** By resource ("auth", "users", "projects", "tasks"), not by controller class. */
  private static String tag(Op op) {
    Matcher versioned = VERSIONED.matcher(op.path());
    String tag = versioned.matches() ? versioned.group(2) : "operations";
    op.operation().setTags(new ArrayList<>(List.of(tag)));
    return tag;
  }

  // --- security ---------------------------------------------------------------------------

  private void secure(Op op) {
    Operation operation = op.operation();
    if (allowed(op, anonymous())) {
      operation.setSecurity(new ArrayList<>()); // public: explicitly no credentials needed
      return;
    }
    SecurityRequirement session = new SecurityRequirement().addList(SESSION);
    if (op.unsafe()) {
      session.addList(XSRF); // a session alone is not enough for unsafe methods (CSRF)
    }
    operation.setSecurity(
        new ArrayList<>(List.of(new SecurityRequirement().addList(BEARER), session)));
    for (String role : List.of("USER", "MANAGER", "ADMIN")) {
      if (allowed(op, withRole(role))) {
        if (!"USER".equals(role)) {
          String note = ROLE_NOTE.formatted(role);
          operation.setDescription(
              operation.getDescription() == null
                  ? note
                  : operation.getDescription() + "\n\n" + note);
        }
        break;
      }
    }
  }

  private boolean allowed(Op op, Authentication caller) {
    WebInvocationPrivilegeEvaluator evaluator = privileges.getIfAvailable();
    if (evaluator == null) {
      return !op.isApi(); // no security chain to ask: assume the API needs credentials
    }
    // Any value satisfies the path patterns of the security rules ("*"), a UUID also the types.
    String uri =
        PATH_VARIABLE.matcher(op.path()).replaceAll("00000000-0000-4000-8000-000000000000");
    return evaluator.isAllowed("", uri, op.httpMethod(), caller);
  }

  private static Authentication anonymous() {
    return new AnonymousAuthenticationToken(
        "openapi", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
  }

  private static Authentication withRole(String role) {
    return UsernamePasswordAuthenticationToken.authenticated(
        "openapi", null, AuthorityUtils.createAuthorityList("ROLE_" + role));
  }

  // --- pagination (SPEC §3.2) -------------------------------------------------------------

  private static void paginate(Op op) {
    Parameter page = op.parameter("query", "page");
    if (page != null) {
      page.setSchema(integer(1, Integer.MAX_VALUE).description("1-based page number")._default(1));
      page.description("Page number, from 1 (offset pagination). Out of range: 400.");
    }
    Parameter perPage = op.parameter("query", "perPage");
    if (perPage != null) {
      perPage.setSchema(
          integer(1, PageRequest.MAX_PER_PAGE)._default(PageRequest.DEFAULT_PER_PAGE));
      perPage.description(
          "Items per page, 1 to " + PageRequest.MAX_PER_PAGE + " (default 20). Out of range: 400.");
    }
    Parameter ifMatch = op.parameter("header", "If-Match");
    if (ifMatch != null) {
      ifMatch.setSchema(string().maxLength(64));
      ifMatch.description(
          "The ETag of the last GET (the resource's version). Mismatch: 412; missing: 428.");
    }
    Parameter cursor = op.parameter("query", "cursor");
    if (cursor != null) {
      Schema<?> schema = cursor.getSchema() == null ? string() : cursor.getSchema();
      if (schema.getMaxLength() == null) {
        schema.maxLength(SharedComponents.MAX_CURSOR_LENGTH);
      }
      cursor.setSchema(schema);
      cursor.description(
          "Opaque cursor from `meta.nextCursor` of the previous page; omit it for the first page."
              + " An edited or forged cursor is refused with 400 `INVALID_CURSOR`.");
    }
  }

  // --- envelope (SPEC §3.1) ---------------------------------------------------------------

  /**
   * Replaces springdoc's schema of {@code ApiResponse<T>} (one per T, with the one {@code Meta}
   * record that has every optional field) by {@code TEnvelope}, {@code TOffsetPage} or {@code
   * TCursorPage} whose {@code meta} says exactly which fields come. Returns the replaced names.
   */
  private static Set<String> envelope(Op op, Map<String, Schema> schemas) {
    Set<String> replaced = new LinkedHashSet<>();
    ApiResponses responses = op.operation().getResponses();
    if (responses == null) {
      return replaced;
    }
    responses.forEach(
        (status, response) -> {
          if (!status.startsWith("2") || response.getContent() == null) {
            return;
          }
          for (MediaType media : response.getContent().values()) {
            String name = refName(media.getSchema());
            Schema<?> candidate = name == null ? null : schemas.get(name);
            if (candidate == null || !isEnvelope(candidate)) {
              continue;
            }
            Schema<?> data = (Schema<?>) candidate.getProperties().get("data");
            boolean list = isType(data, "array");
            String base = name.startsWith("ApiResponse") ? name.substring(11) : name;
            String kind;
            String meta;
            if (op.parameter("query", "cursor") != null) {
              kind = "CursorPage";
              meta = "CursorMeta";
            } else if (op.parameter("query", "page") != null) {
              kind = "OffsetPage";
              meta = "OffsetMeta";
            } else {
              kind = "Envelope";
              meta = "Meta";
            }
            if (list && !"Envelope".equals(kind) && base.startsWith("List")) {
              base = base.substring(4);
            }
            if (list && !"Envelope".equals(kind) && data.getMaxItems() == null) {
              data.setMaxItems(PageRequest.MAX_PER_PAGE);
            }
            String envelopeName = base + kind;
            schemas.computeIfAbsent(
                envelopeName,
                key ->
                    object()
                        .description("Success envelope (SPEC §3.1)")
                        .addProperty("data", data)
                        .addProperty("meta", ref(meta))
                        .required(List.of("data", "meta")));
            media.setSchema(ref(envelopeName));
            replaced.add(name);
          }
        });
    return replaced;
  }

  private static boolean isEnvelope(Schema<?> schema) {
    Map<String, Schema> properties = schema.getProperties();
    return properties != null
        && properties.size() == 2
        && properties.containsKey("data")
        && properties.containsKey("meta")
        && "Meta".equals(refName(properties.get("meta")));
  }

  // --- probes ----------------------------------------------------------------------------

  /**
   * {@code /health} and {@code /ready} answer Actuator's health groups (ProbesController): the same
   * body with 200 when UP and 503 otherwise, never a problem document.
   */
  private static void probe(Op op) {
    if (!op.isProbe()) {
      return;
    }
    List<Object> statuses = List.of("UP", "DOWN", "OUT_OF_SERVICE", "UNKNOWN");
    Schema<Object> checks = object().description("Status of each check (database, Redis, …)");
    checks.setAdditionalProperties(typed("string")._enum(statuses));
    checks.setMaxProperties(32);
    Schema<Object> body =
        object()
            .addProperty("status", typed("string")._enum(statuses))
            .addProperty("checks", checks)
            .required(List.of("status"));
    Content content = new Content().addMediaType("application/json", new MediaType().schema(body));
    ApiResponses responses = op.operation().getResponses();
    responses.addApiResponse("200", new ApiResponse().description("UP").content(content));
    responses.addApiResponse(
        "503",
        new ApiResponse()
            .description("Not UP (same body, naming the failing check)")
            .content(content));
  }

  // --- problems (SPEC §3.1) ---------------------------------------------------------------

  private static void problems(Op op) {
    Operation operation = op.operation();
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    // Statuses a controller declared itself (e.g. 409 EMAIL_TAKEN) get the problem body too.
    responses.forEach(
        (status, response) -> {
          // springdoc fills a declared status with the method's return type: not for failures.
          if (isError(status)
              && !op.isProbe()
              && (response.getContent() == null
                  || response.getContent().get(PROBLEM_JSON) == null)) {
            response.setContent(problemContent());
          }
        });
    boolean anyInput = op.hasBody() || !parameters(operation).isEmpty();
    if (anyInput) {
      String codes =
          op.parameter("query", "cursor") != null
              ? SharedComponents.BAD_REQUEST_CODES + ", `INVALID_CURSOR`"
              : SharedComponents.BAD_REQUEST_CODES;
      addProblem(responses, "400", "Bad request: " + codes);
    }
    if (op.isApi()) {
      addProblem(
          responses,
          "401",
          op.secured()
              ? "Not authenticated: `UNAUTHENTICATED` (no credentials), `INVALID_TOKEN` (invalid,"
                  + " expired or revoked token or session)"
              : "`INVALID_CREDENTIALS` / `INVALID_REFRESH_TOKEN` where credentials are checked;"
                  + " `INVALID_TOKEN` when a bad bearer token is sent anyway");
    }
    if (op.secured()) {
      addProblem(
          responses,
          "403",
          "`FORBIDDEN`: the caller lacks the permission"
              + (op.unsafe()
                  ? "; `CSRF_REJECTED`: a session caller sent no valid X-XSRF-TOKEN"
                  : ""));
    }
    if (op.hasPathVariables() && op.isApi()) {
      addProblem(
          responses,
          "404",
          "`NOT_FOUND`: no such resource, or one in a project the caller is not a member of");
    }
    if (op.unsafe() && op.secured()) {
      addProblem(
          responses,
          "409",
          "Conflicts with the current state, e.g. `CONFLICT`, `CONCURRENT_MODIFICATION`");
    }
    if (op.takesIfMatch()) {
      addProblem(
          responses, "412", "`PRECONDITION_FAILED`: If-Match does not match the current version");
      addProblem(responses, "428", "`PRECONDITION_REQUIRED`: If-Match is missing");
    }
    if (op.hasBody()) {
      addProblem(responses, "413", "`PAYLOAD_TOO_LARGE`: the body exceeds the limit (1 MB)");
      addProblem(responses, "415", "`UNSUPPORTED_MEDIA_TYPE`: wrong Content-Type");
    }
    if (op.rateLimited()) {
      addProblem(responses, "429", "`RATE_LIMITED`: retry after `Retry-After` seconds");
    }
    addProblem(responses, "500", "`INTERNAL_ERROR`: an unexpected fault (no details disclosed)");
    if (op.isApi()) {
      addProblem(
          responses,
          "503",
          "`DATABASE_UNAVAILABLE` / `SESSION_STORE_UNAVAILABLE`: retry after `Retry-After`"
              + " seconds");
    }
    // Numeric order reads best in Swagger UI.
    Map<String, ApiResponse> sorted = new TreeMap<>(responses);
    responses.clear();
    responses.putAll(sorted);
  }

  private static boolean isError(String status) {
    return status.startsWith("4") || status.startsWith("5");
  }

  private static void addProblem(ApiResponses responses, String status, String description) {
    responses.computeIfAbsent(
        status, key -> new ApiResponse().description(description).content(problemContent()));
  }

  private static Content problemContent() {
    return new Content()
        .addMediaType(PROBLEM_JSON, new MediaType().schema(ref(SharedComponents.PROBLEM)));
  }

  // --- headers ----------------------------------------------------------------------------

  private static void headers(Op op) {
    op.operation()
        .getResponses()
        .forEach(
            (status, response) -> {
              Map<String, Header> headers =
                  response.getHeaders() == null
                      ? new LinkedHashMap<>()
                      : new LinkedHashMap<>(response.getHeaders());
              headers.putIfAbsent("X-Request-Id", headerRef("X-Request-Id"));
              if (op.rateLimited()) {
                headers.putIfAbsent("RateLimit", headerRef("RateLimit"));
                headers.putIfAbsent("RateLimit-Policy", headerRef("RateLimit-Policy"));
              }
              if ("429".equals(status) || "503".equals(status)) {
                headers.putIfAbsent("Retry-After", headerRef("Retry-After"));
              }
              if ("401".equals(status)) {
                headers.putIfAbsent("WWW-Authenticate", headerRef("WWW-Authenticate"));
              }
              if ("201".equals(status)) {
                headers.putIfAbsent("Location", headerRef("Location"));
              }
              if (status.startsWith("2") && op.sendsEtag()) {
                headers.putIfAbsent("ETag", headerRef("ETag"));
              }
              if (op.isV1()) {
                headers.putIfAbsent("Deprecation", headerRef("Deprecation"));
                headers.putIfAbsent("Sunset", headerRef("Sunset"));
                headers.putIfAbsent("Link", headerRef("Link"));
              }
              response.setHeaders(headers);
            });
    if (op.isV1()) {
      op.operation().setDeprecated(true);
    }
  }

  private static Header headerRef(String name) {
    return new Header().$ref("#/components/headers/" + name);
  }

  // --- bounds the type already implies ----------------------------------------------------

  private static void bound(Operation operation) {
    IdentityHashMap<Schema<?>, Boolean> seen = new IdentityHashMap<>();
    parameters(operation).forEach(p -> bound(p.getSchema(), seen));
    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
      operation.getRequestBody().getContent().values().forEach(m -> bound(m.getSchema(), seen));
    }
    operation
        .getResponses()
        .values()
        .forEach(
            r -> {
              if (r.getContent() != null) {
                r.getContent().values().forEach(m -> bound(m.getSchema(), seen));
              }
            });
  }

  /**
   * Adds the limits a value's type already fixes: a uuid is 36 characters, an ISO-8601 instant at
   * most 35, a Java int or long cannot leave its range. Other strings and arrays must declare their
   * own limits ({@code @Size}, {@code @Schema(maxLength…)}): the lint reports the ones that do not.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static void bound(Schema schema, IdentityHashMap<Schema<?>, Boolean> seen) {
    if (schema == null || schema.get$ref() != null || seen.put(schema, Boolean.TRUE) != null) {
      return;
    }
    if (isType(schema, "string")
        && schema.getMaxLength() == null
        && schema.getEnum() == null
        && schema.getConst() == null) {
      Integer implied =
          switch (String.valueOf(schema.getFormat())) {
            case "uuid" -> 36;
            case "date-time" -> 35;
            case "date" -> 10;
            case "email" -> 254;
            case "uri", "uri-reference" -> 2048;
            default -> null;
          };
      schema.setMaxLength(implied);
    }
    if (isType(schema, "integer")) {
      boolean isLong = "int64".equals(schema.getFormat());
      if (schema.getFormat() == null) {
        schema.setFormat("int32");
      }
      if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
        schema.setMinimum(BigDecimal.valueOf(isLong ? Long.MIN_VALUE : Integer.MIN_VALUE));
      }
      if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
        schema.setMaximum(BigDecimal.valueOf(isLong ? Long.MAX_VALUE : Integer.MAX_VALUE));
      }
    }
    if (schema.getProperties() != null) {
      ((Map<String, Schema>) schema.getProperties()).values().forEach(s -> bound(s, seen));
    }
    bound(schema.getItems(), seen);
    if (schema.getAdditionalProperties() instanceof Schema additional) {
      bound(additional, seen);
    }
    for (Collection<Schema> group :
        new Collection[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
      if (group != null) {
        group.forEach(s -> bound(s, seen));
      }
    }
  }

  // --- schema helpers ---------------------------------------------------------------------

  static boolean isType(Schema<?> schema, String type) {
    return schema != null
        && (type.equals(schema.getType())
            || (schema.getTypes() != null && schema.getTypes().contains(type)));
  }

  static String refName(Schema<?> schema) {
    if (schema == null || schema.get$ref() == null) {
      return null;
    }
    String ref = schema.get$ref();
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  static Schema<Object> ref(String component) {
    return new JsonSchema().$ref("#/components/schemas/" + component);
  }

  static Schema<Object> typed(String... types) {
    Schema<Object> schema = new JsonSchema();
    schema.setTypes(new LinkedHashSet<>(List.of(types)));
    return schema;
  }

  static Schema<Object> object() {
    return typed("object");
  }

  static Schema<Object> string() {
    return typed("string");
  }

  static Schema<Object> integer(long minimum, long maximum) {
    Schema<Object> schema = typed("integer");
    schema.setFormat(
        maximum > Integer.MAX_VALUE || minimum < Integer.MIN_VALUE ? "int64" : "int32");
    schema.setMinimum(BigDecimal.valueOf(minimum));
    schema.setMaximum(BigDecimal.valueOf(maximum));
    return schema;
  }
}
