package dev.worklane.adapter.in.web.openapi;

import io.swagger.v3.oas.models.headers.Header;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers each response carries: {@code X-Request-Id}, the IETF rate-limit headers, {@code
 * Retry-After}, {@code WWW-Authenticate}, {@code Location}, {@code ETag}, and {@code
 * Deprecation}/{@code Sunset}/{@code Link} on {@code /api/v1}.
 */
final class ResponseHeaders {
  private ResponseHeaders() {}

  static void describe(ApiOperation op) {
    op.operation()
        .getResponses()
        .forEach(
            (status, response) -> {
              Map<String, Header> headers =
                  response.getHeaders() == null
                      ? new LinkedHashMap<>()
                      : new LinkedHashMap<>(response.getHeaders());
              headers.putIfAbsent("X-Request-Id", ref("X-Request-Id"));
              if (op.rateLimited()) {
                headers.putIfAbsent("RateLimit", ref("RateLimit"));
                headers.putIfAbsent("RateLimit-Policy", ref("RateLimit-Policy"));
              }
              if ("429".equals(status) || "503".equals(status)) {
                headers.putIfAbsent("Retry-After", ref("Retry-After"));
              }
              if ("401".equals(status)) {
                headers.putIfAbsent("WWW-Authenticate", ref("WWW-Authenticate"));
              }
              if ("201".equals(status)) {
                headers.putIfAbsent("Location", ref("Location"));
              }
              if (status.startsWith("2") && op.sendsEtag()) {
                headers.putIfAbsent("ETag", ref("ETag"));
              }
              if (op.isV1()) {
                headers.putIfAbsent("Deprecation", ref("Deprecation"));
                headers.putIfAbsent("Sunset", ref("Sunset"));
                headers.putIfAbsent("Link", ref("Link"));
              }
              response.setHeaders(headers);
            });
    if (op.isV1()) {
      op.operation().setDeprecated(true);
    }
  }

  private static Header ref(String name) {
    return new Header().$ref("#/components/headers/" + name);
  }
}
