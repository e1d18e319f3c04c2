package dev.worklane.adapter.in.web.openapi;

import static dev.worklane.adapter.in.web.openapi.Schemas.isType;
import static dev.worklane.adapter.in.web.openapi.Schemas.object;
import static dev.worklane.adapter.in.web.openapi.Schemas.ref;
import static dev.worklane.adapter.in.web.openapi.Schemas.refName;

import dev.worklane.application.port.model.PageRequest;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces springdoc's schema of {@code ApiResponse<T>} (one per T, with the one {@code Meta}
 * record that has every optional field) by {@code TEnvelope}, {@code TOffsetPage} or {@code
 * TCursorPage} whose {@code meta} says exactly which fields come: {@code OffsetMeta} or {@code
 * CursorMeta} when the operation takes {@code page} or {@code cursor}.
 */
final class SuccessEnvelopes {
  private SuccessEnvelopes() {}

  /** Returns the names of the replaced schemas. */
  static Set<String> replace(ApiOperation op, Map<String, Schema> schemas) {
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
                        .description("Success envelope: `data` and `meta`")
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
}
