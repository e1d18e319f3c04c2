package dev.worklane.application.port.model;

import dev.worklane.domain.common.InvalidInputException;

/** Cursor pagination for large sets: the first page when {@code after} is null. */
public record CursorRequest(Position after, int perPage) {

  public CursorRequest {
    checkPerPage(perPage);
  }

  public static CursorRequest first(int perPage) {
    return new CursorRequest(null, perPage);
  }

  static void checkPerPage(int perPage) {
    if (perPage < 1 || perPage > PageRequest.MAX_PER_PAGE) {
      throw new InvalidInputException(
          "perPage", "perPage must be between 1 and " + PageRequest.MAX_PER_PAGE);
    }
  }
}
