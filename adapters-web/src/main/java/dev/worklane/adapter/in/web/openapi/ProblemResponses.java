package dev.worklane.adapter.in.web.openapi;

import static dev.worklane.adapter.in.web.openapi.Schemas.ref;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * The failures of an operation, each an {@code application/problem+json} {@code Problem}: those a
 * concern adds to every operation it covers (the statuses {@link #BY_CONCERN}), and those its
 * handler declares with {@link Problems} or springdoc's {@code @ApiResponse} (never guessed).
 */
final class ProblemResponses {
  static final String PROBLEM_JSON = "application/problem+json";

  /**
   * Statuses that shared code answers, whichever handler serves the operation: binding and
   * validation (400), the security chain (401, 403), the body-size filter and content negotiation
   * (413, 415), {@code IfMatch} (412, 428), the rate limiter (429), the problem handler's last
   * resort (500) and outage guards (503). Any other error status must be declared by the handler.
   */
  static final Set<Integer> BY_CONCERN = Set.of(400, 401, 403, 412, 413, 415, 428, 429, 500, 503);

  /** The description of a status a handler declares with {@link Problems}. */
  private static final Map<HttpStatus, String> DECLARED =
      Map.of(
          HttpStatus.NOT_FOUND,
          "`NOT_FOUND`: no such resource, or one in a project the caller is not a member of",
          HttpStatus.CONFLICT,
          "Conflicts with the current state, e.g. `CONFLICT`, `CONCURRENT_MODIFICATION`,"
              + " `PROJECT_ARCHIVED`",
          HttpStatus.FORBIDDEN,
          "`FORBIDDEN`: the caller lacks the permission; `CSRF_REJECTED`: no valid X-XSRF-TOKEN"
              + " (from `GET /api/v1/auth/csrf`)",
          HttpStatus.BAD_REQUEST,
          "Bad request: " + SharedComponents.BAD_REQUEST_CODES);

  private final LongSupplier maxBodyBytes;

  /** {@code maxBodyBytes}: the configured request body limit (BodySizeLimitFilter). */
  ProblemResponses(LongSupplier maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The error statuses {@code handler} declares, in numeric order. */
  static Set<Integer> declaredBy(HandlerMethod handler) {
    Set<Integer> statuses = new TreeSet<>();
    Problems problems = handler.getMethodAnnotation(Problems.class);
    if (problems != null) {
      Arrays.stream(problems.value()).map(HttpStatus::value).forEach(statuses::add);
    }
    for (var response :
        handler
            .getMethod()
            .getAnnotationsByType(io.swagger.v3.oas.annotations.responses.ApiResponse.class)) {
      int status = Integer.parseInt(response.responseCode());
      if (status >= 400) {
        statuses.add(status);
      }
    }
    return statuses;
  }

  /** Adds what {@code handler} declares with {@link Problems} (springdoc reads its own). */
  static void declare(Operation operation, HandlerMethod handler) {
    Problems problems = handler.getMethodAnnotation(Problems.class);
    if (problems == null) {
      return;
    }
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    for (HttpStatus status : problems.value()) {
      String description = DECLARED.get(status);
      if (description == null) {
        description = "`" + status.name() + "`: " + status.getReasonPhrase();
      }
      add(responses, Integer.toString(status.value()), description);
    }
  }

  void describe(ApiOperation op) {
    Operation operation = op.operation();
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    operation.setResponses(responses);
    // Statuses the handler declared (e.g. 409 EMAIL_TAKEN) get the problem body too.
    responses.forEach(
        (status, response) -> {
          // springdoc fills a declared status with the method's return type: not for failures.
          if (isError(status)
              && !op.isProbe()
              && (response.getContent() == null
                  || response.getContent().get(PROBLEM_JSON) == null)) {
            response.setContent(content());
          }
        });
    if (op.hasInput()) {
      String codes =
          op.parameter("query", "cursor") != null
              ? SharedComponents.BAD_REQUEST_CODES + ", `INVALID_CURSOR`"
              : SharedComponents.BAD_REQUEST_CODES;
      add(responses, "400", "Bad request: " + codes);
    }
    if (op.isApi()) {
      add(
          responses,
          "401",
          op.secured()
              ? "Not authenticated: `UNAUTHENTICATED` (no credentials), `INVALID_TOKEN` (invalid,"
                  + " expired or revoked token or session)"
              : "`INVALID_CREDENTIALS` / `INVALID_REFRESH_TOKEN` where credentials are checked;"
                  + " `INVALID_TOKEN` when a bad bearer token is sent anyway");
    }
    if (op.secured()) {
      add(
          responses,
          "403",
          "`FORBIDDEN`: the caller lacks the permission"
              + (op.unsafe()
                  ? "; `CSRF_REJECTED`: a session caller sent no valid X-XSRF-TOKEN"
                  : ""));
    }
    if (op.takesIfMatch()) {
      add(responses, "412", "`PRECONDITION_FAILED`: If-Match does not match the current version");
      add(responses, "428", "`PRECONDITION_REQUIRED`: If-Match is missing");
    }
    if (op.hasBody()) {
      add(
          responses,
          "413",
          "`PAYLOAD_TOO_LARGE`: the body exceeds the limit of "
              + size(maxBodyBytes.getAsLong())
              + " (`WORKLANE_MAX_JSON_BODY`)");
      add(responses, "415", "`UNSUPPORTED_MEDIA_TYPE`: wrong Content-Type");
    }
    if (op.rateLimited()) {
      add(responses, "429", "`RATE_LIMITED`: retry after `Retry-After` seconds");
    }
    add(responses, "500", "`INTERNAL_ERROR`: an unexpected fault (no details disclosed)");
    if (op.isApi() || op.isFile()) {
      add(
          responses,
          "503",
          "`DATABASE_UNAVAILABLE` / `SESSION_STORE_UNAVAILABLE` / `STORAGE_UNAVAILABLE`: retry"
              + " after `Retry-After` seconds");
    }
    // Numeric order reads best in Swagger UI.
    Map<String, ApiResponse> sorted = new TreeMap<>(responses);
    responses.clear();
    responses.putAll(sorted);
  }

  /** {@code 1048576} as "1 MB (1048576 bytes)", the binary units of Spring's DataSize. */
  static String size(long bytes) {
    long mb = 1024L * 1024;
    if (bytes % mb == 0) {
      return bytes / mb + " MB (" + bytes + " bytes)";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KB (" + bytes + " bytes)";
    }
    return bytes + " bytes";
  }

  private static boolean isError(String status) {
    return status.startsWith("4") || status.startsWith("5");
  }

  private static void add(ApiResponses responses, String status, String description) {
    responses.computeIfAbsent(
        status, key -> new ApiResponse().description(description).content(content()));
  }

  static Content content() {
    return new Content()
        .addMediaType(PROBLEM_JSON, new MediaType().schema(ref(SharedComponents.PROBLEM)));
  }
}
