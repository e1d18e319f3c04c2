package dev.worklane.adapter.in.web.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * Makes each document say what the API really does, for every operation at once, one concern per
 * class: {@link SecurityRequirements} (asked of Spring Security), {@link Pagination}, {@link
 * SuccessEnvelopes}, {@link ProbeResponses}, {@link ProblemResponses} (shared failures by concern,
 * the rest as each handler declares them with {@link Problems}), {@link ResponseHeaders}, and the
 * bounds the OWASP lint asks for where the type already implies them ({@link Schemas#bound}).
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

  private static final Pattern VERSIONED = Pattern.compile("^/api/(v\\d+)/([^/]+).*");
  private static final Map<String, String> TAG_DESCRIPTIONS =
      Map.of(
          "auth",
          "Registration, tokens, browser sessions and CSRF tokens",
          "users",
          "The caller's account and, for admins, everyone's",
          "projects",
          "Projects and their members",
          "tasks",
          "Tasks of a project",
          "reports",
          "Reports of a project's tasks (CSV), written by a job, downloaded signed",
          "operations",
          "Unversioned endpoints: public signing keys, probes, signed downloads and public files");

  private final SecurityRequirements security;
  private final ProblemResponses problems;
  private final String sessionCookie;

  ApiContractCustomizer(
      SecurityRequirements security, ProblemResponses problems, String sessionCookie) {
    this.security = security;
    this.problems = problems;
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
      templateFileKeys(api);
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach(
                          (method, operation) -> {
                            var op = new ApiOperation(path, method, operation, item);
                            tags.add(tag(op));
                            security.secure(op);
                            Pagination.describe(op);
                            envelopes.addAll(SuccessEnvelopes.replace(op, schemas));
                            ProbeResponses.describe(op);
                            FileResponses.describe(op);
                            problems.describe(op);
                            ResponseHeaders.describe(op);
                            bound(op);
                          }));
    }
    envelopes.forEach(schemas::remove);
    dropUnused(api, components);
    schemas.values().forEach(schema -> Schemas.bound(schema, new IdentityHashMap<>()));
    api.setTags(
        tags.stream()
            .map(name -> new Tag().name(name).description(TAG_DESCRIPTIONS.get(name)))
            .toList());
  }

  /** Renames {@code /files/…/{*key}} to its template {@code /files/…/{key}}, keeping the order. */
  private static void templateFileKeys(OpenAPI api) {
    Paths renamed = new Paths();
    api.getPaths().forEach((path, item) -> renamed.addPathItem(FileResponses.template(path), item));
    api.setPaths(renamed);
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

  /** By resource ("auth", "users", "projects", "tasks"), not by controller class. */
  private static String tag(ApiOperation op) {
    Matcher versioned = VERSIONED.matcher(op.path());
    String tag = versioned.matches() ? versioned.group(2) : "operations";
    op.operation().setTags(new ArrayList<>(List.of(tag)));
    return tag;
  }

  private static void bound(ApiOperation op) {
    var operation = op.operation();
    IdentityHashMap<Schema<?>, Boolean> seen = new IdentityHashMap<>();
    ApiOperation.parameters(operation).forEach(p -> Schemas.bound(p.getSchema(), seen));
    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
      operation
          .getRequestBody()
          .getContent()
          .values()
          .forEach(m -> Schemas.bound(m.getSchema(), seen));
    }
    operation
        .getResponses()
        .values()
        .forEach(
            r -> {
              if (r.getContent() != null) {
                r.getContent().values().forEach(m -> Schemas.bound(m.getSchema(), seen));
              }
            });
  }
}
