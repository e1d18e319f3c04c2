package dev.worklane.adapter.in.web.error;

import dev.worklane.adapter.in.web.support.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that shapes RFC 9457 problems: {@code type, title, status, detail, instance} plus
 * {@code code, errors, requestId, timestamp}. Used by the controller advice, the security entry
 * points, filters and the /error controller, so every failure looks the same.
 */
@Component
public class ProblemWriter {
  private static final String TYPE_PREFIX = "urn:worklane:problem:";

  private final JsonMapper json;
  private final Clock clock;

  public ProblemWriter(JsonMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  public ProblemDetail problem(
      HttpServletRequest request, HttpStatusCode status, String code, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    return enrich(problem, request, code);
  }

  /** Adds the Worklane fields to a problem built elsewhere (e.g. by Spring MVC). */
  public ProblemDetail enrich(ProblemDetail problem, HttpServletRequest request, String code) {
    String effectiveCode = code != null ? code : codeFor(problem.getStatus());
    problem.setType(
        URI.create(TYPE_PREFIX + effectiveCode.toLowerCase(Locale.ROOT).replace('_', '-')));
    if (request != null) {
      Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
      problem.setInstance(
          URI.create(original instanceof String uri ? uri : request.getRequestURI()));
      problem.setProperty("requestId", RequestIds.of(request));
    }
    problem.setProperty("code", effectiveCode);
    problem.setProperty("timestamp", clock.instant().toString());
    return problem;
  }

  public void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatusCode status,
      String code,
      String detail)
      throws IOException {
    write(response, problem(request, status, code, detail));
  }

  public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), asMap(problem));
  }

  static Map<String, Object> asMap(ProblemDetail problem) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", String.valueOf(problem.getType()));
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    body.put("instance", problem.getInstance() == null ? null : problem.getInstance().toString());
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    return body;
  }

  public static String codeFor(int status) {
    return switch (status) {
      case 400 -> "BAD_REQUEST";
      case 401 -> "UNAUTHENTICATED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 405 -> "METHOD_NOT_ALLOWED";
      case 406 -> "NOT_ACCEPTABLE";
      case 409 -> "CONFLICT";
      case 412 -> "PRECONDITION_FAILED";
      case 413 -> "PAYLOAD_TOO_LARGE";
      case 415 -> "UNSUPPORTED_MEDIA_TYPE";
      case 429 -> "RATE_LIMITED";
      case 503 -> "SERVICE_UNAVAILABLE";
      default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    };
  }

  /** One entry of {@code errors}: which input and what is wrong with it. */
  public record FieldError(String field, String message) {}

  public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
    problem.setProperty("errors", errors);
    return problem;
  }
}
