package dev.worklane.domain.project;

import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.Require;
import java.util.regex.Pattern;

/** The short upper-case name tasks are numbered under ({@code WL} in {@code WL-42}). */
public record ProjectKey(String value) {
  private static final Pattern KEY = Pattern.compile("[A-Z]{2,10}");

  public ProjectKey {
    Require.present(value, "key");
    if (!KEY.matcher(value).matches()) {
      throw new InvalidInputException("key", "key must be 2 to 10 upper-case letters A-Z");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
