package dev.worklane.adapter.in.web.openapi;

import static dev.worklane.adapter.in.web.openapi.Schemas.object;
import static dev.worklane.adapter.in.web.openapi.Schemas.typed;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;

/**
 * {@code /health} and {@code /ready} answer Actuator's health groups (ProbesController): the same
 * body with 200 when UP and 503 otherwise, never a problem document.
 */
final class ProbeResponses {
  private ProbeResponses() {}

  static void describe(ApiOperation op) {
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
}
