package dev.worklane.adapter.in.web.support;

import dev.worklane.application.port.model.PageRequest;
import dev.worklane.domain.common.InvalidInputException;

/**
 * Reads {@code page} and {@code perPage} query parameters. They are bound as strings so that a
 * non-numeric value is the same 400 {@code VALIDATION_FAILED} naming the parameter as an
 * out-of-range one (the ranges themselves are the core's: {@link PageRequest}).
 */
public final class PageParameters {
  public static final String PAGE = "page";
  public static final String PER_PAGE = "perPage";
  public static final String CURSOR = "cursor";

  private PageParameters() {}

  public static PageRequest offset(String page, String perPage) {
    return new PageRequest(number(page, PAGE, 1), perPage(perPage));
  }

  public static int perPage(String perPage) {
    return number(perPage, PER_PAGE, PageRequest.DEFAULT_PER_PAGE);
  }

  private static int number(String value, String name, int fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          name, name + " must be a whole number from 1 to " + PageRequest.MAX_PER_PAGE);
    }
  }
}
