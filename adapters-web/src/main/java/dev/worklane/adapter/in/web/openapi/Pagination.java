package dev.worklane.adapter.in.web.openapi;

import static dev.worklane.adapter.in.web.openapi.Schemas.integer;
import static dev.worklane.adapter.in.web.openapi.Schemas.string;

import dev.worklane.application.port.model.PageRequest;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

/** The limits and meaning of the paging and conditional-request parameters (README "API"). */
final class Pagination {
  private Pagination() {}

  static void describe(ApiOperation op) {
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
}
