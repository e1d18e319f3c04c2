package dev.worklane.application.port.model;

import dev.worklane.domain.common.InvalidInputException;

/** Offset pagination for small sets: page from 1, 1 to 100 items per page. */
public record PageRequest(int page, int perPage) {
  public static final int DEFAULT_PER_PAGE = 20;
  public static final int MAX_PER_PAGE = 100;

  public PageRequest {
    if (page < 1) {
      throw new InvalidInputException("page", "page must be 1 or more");
    }
    CursorRequest.checkPerPage(perPage);
  }

  public long offset() {
    return (long) (page - 1) * perPage;
  }
}
