package dev.worklane.adapter.in.web.openapi;

import static dev.worklane.adapter.in.web.openapi.Schemas.integer;
import static dev.worklane.adapter.in.web.openapi.Schemas.object;
import static dev.worklane.adapter.in.web.openapi.Schemas.ref;
import static dev.worklane.adapter.in.web.openapi.Schemas.string;
import static dev.worklane.adapter.in.web.openapi.Schemas.typed;

import dev.worklane.application.port.model.PageRequest;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;

/**
 * The components every operation refers to: the envelope's meta variants, the problem document, the
 * response headers and the security schemes. The shapes mirror {@code Meta}, {@code ProblemWriter},
 * {@code RateLimitFilter}, {@code RequestIds} and the security configuration.
 */
final class SharedComponents {
  static final String PROBLEM = "Problem";
  static final int MAX_CURSOR_LENGTH = 512;
  static final String BAD_REQUEST_CODES =
      "`VALIDATION_FAILED` (see `errors`), `MALFORMED_JSON`, `UNKNOWN_PROPERTY`,"
          + " `TYPE_MISMATCH`, `INVALID_PARAMETER`, `BAD_REQUEST`";

  private SharedComponents() {}

  static void addTo(Components components, String sessionCookie) {
    components.addSchemas("Meta", meta(false, false));
    components.addSchemas("OffsetMeta", meta(true, false));
    components.addSchemas("CursorMeta", meta(false, true));
    components.addSchemas("FieldError", fieldError());
    components.addSchemas(PROBLEM, problem());
    headers(components);
    securitySchemes(components, sessionCookie);
  }

  private static Schema<Object> requestId() {
    return string()
        .maxLength(128)
        .pattern("^[A-Za-z0-9._:-]{1,128}$")
        .description("Correlation id: the caller's X-Request-Id when acceptable, else generated");
  }

  private static Schema<Object> timestamp() {
    return string().format("date-time").maxLength(35).description("When the response was made");
  }

  private static Schema<?> meta(boolean offset, boolean cursor) {
    Schema<Object> meta = object();
    meta.addProperty("timestamp", timestamp());
    meta.addProperty("requestId", requestId());
    List<String> required = new java.util.ArrayList<>(List.of("timestamp", "requestId"));
    if (offset) {
      meta.addProperty("page", integer(1, Integer.MAX_VALUE).description("This page, from 1"));
    }
    if (offset || cursor) {
      meta.addProperty(
          "perPage", integer(1, PageRequest.MAX_PER_PAGE).description("Requested items per page"));
    }
    if (offset) {
      meta.addProperty(
          "total", integer(0, Long.MAX_VALUE).description("Items in the whole collection"));
      required.addAll(List.of("page", "perPage", "total"));
    }
    if (cursor) {
      meta.addProperty(
          "nextCursor",
          typed("string", "null")
              .maxLength(MAX_CURSOR_LENGTH)
              .description("Pass as `cursor` for the next page; null on the last page"));
      required.addAll(List.of("perPage", "nextCursor"));
    }
    meta.setRequired(required);
    meta.description(
        offset
            ? "Meta of an offset page"
            : cursor ? "Meta of a cursor page" : "Meta of every success response");
    return meta;
  }

  private static Schema<?> fieldError() {
    return object()
        .description("What is wrong with one input")
        .addProperty(
            "field",
            string().maxLength(256).description("The input: body property path or parameter"))
        .addProperty("message", string().maxLength(1024).description("What is wrong with it"))
        .required(List.of("field", "message"));
  }

  private static Schema<?> problem() {
    return object()
        .description("RFC 9457 problem document with Worklane's extensions")
        .addProperty(
            "type",
            string()
                .format("uri")
                .maxLength(256)
                .description("Identifies the problem kind, e.g. urn:worklane:problem:not-found"))
        .addProperty("title", string().maxLength(256).description("Short summary of the status"))
        .addProperty("status", integer(400, 599).description("The HTTP status"))
        .addProperty(
            "detail",
            typed("string", "null").maxLength(4096).description("What went wrong, for humans"))
        .addProperty(
            "instance",
            typed("string", "null")
                .format("uri-reference")
                .maxLength(8192)
                .description("The request path"))
        .addProperty(
            "code",
            string()
                .maxLength(64)
                .pattern("^[A-Z][A-Z0-9_]*$")
                .description("Stable machine-readable code, e.g. VALIDATION_FAILED"))
        .addProperty(
            "errors",
            typed("array")
                .maxItems(100)
                .items(ref("FieldError"))
                .description("Field errors (validation failures)"))
        .addProperty("requestId", requestId())
        .addProperty("timestamp", timestamp())
        .required(List.of("type", "title", "status", "code", "requestId", "timestamp"));
  }

  private static void headers(Components components) {
    components.addHeaders(
        "X-Request-Id",
        header("The request's correlation id (the caller's, when acceptable)", requestId()));
    components.addHeaders(
        "RateLimit",
        header(
            "Remaining quota of the policy closest to exhaustion (draft-ietf-httpapi-ratelimit-"
                + "headers), e.g. `\"minute\";r=42;t=30`. Absent when rate limiting is off or the"
                + " request was refused before reaching it (e.g. a declared oversized body).",
            string().maxLength(128).pattern("^\"[a-z-]+\";r=\\d+;t=\\d+$")));
    components.addHeaders(
        "RateLimit-Policy",
        header(
            "That policy, e.g. `\"minute\";q=100;w=60`",
            string().maxLength(128).pattern("^\"[a-z-]+\";q=\\d+;w=\\d+$")));
    components.addHeaders(
        "Retry-After", header("Seconds to wait before retrying", integer(1, 86_400)));
    components.addHeaders(
        "WWW-Authenticate", header("`Bearer` (RFC 6750)", string().maxLength(512)));
    components.addHeaders(
        "Location",
        header("The created resource", string().format("uri-reference").maxLength(2048)));
    components.addHeaders(
        "ETag",
        header(
            "The resource's version; send it back in If-Match to change or delete it",
            string().maxLength(64)));
    components.addHeaders(
        "Deprecation",
        header(
            "RFC 9745: when /api/v1 was deprecated, `@<unix-seconds>`",
            string().maxLength(24).pattern("^@-?\\d+$")));
    components.addHeaders(
        "Sunset",
        header(
            "RFC 8594: HTTP-date after which /api/v1 may stop answering", string().maxLength(64)));
    components.addHeaders(
        "Link",
        header(
            "The /api/v2 successor, where the resource has one: `</api/v2/…>;"
                + " rel=\"successor-version\"`",
            string().maxLength(2048)));
  }

  private static Header header(String description, Schema<?> schema) {
    return new Header().description(description).schema(schema);
  }

  private static void securitySchemes(Components components, String sessionCookie) {
    components.addSecuritySchemes(
        SecurityRequirements.BEARER,
        new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .bearerFormat("JWT")
            .description(
                "Access token from POST /api/v1/auth/login or /auth/refresh: an ES256-signed JWT"
                    + " (`kid` header; `iss`, `aud`, `exp`, `iat`, `jti` checked; algorithm"
                    + " pinned, per RFC8725 JWT best current practices). Revoked at logout,"
                    + " password change and account disabling."));
    components.addSecuritySchemes(
        SecurityRequirements.SESSION,
        new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.COOKIE)
            .name(sessionCookie)
            .description(
                "Browser session from POST /api/v1/auth/session (HttpOnly, SameSite=Lax; Secure"
                    + " and __Host- prefixed in production). Unsafe methods also need the"
                    + " X-XSRF-TOKEN header."));
    components.addSecuritySchemes(
        SecurityRequirements.XSRF,
        new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.HEADER)
            .name("X-XSRF-TOKEN")
            .description(
                "CSRF synchronizer token from GET /api/v1/auth/csrf; required with the session"
                    + " cookie on POST, PUT, PATCH and DELETE (not with a bearer token)."));
  }
}
