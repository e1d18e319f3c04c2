package dev.worklane.application.port.in;

import java.util.function.Function;

/**
 * One field of a partial update (PATCH): left as it is, or set — possibly to null, which clears it.
 * {@code Optional} cannot tell "absent" from "set to null".
 */
public record Change<T>(boolean present, T value) {
  private static final Change<?> KEEP = new Change<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> Change<T> keep() {
    return (Change<T>) KEEP;
  }

  public static <T> Change<T> to(T value) {
    return new Change<>(true, value);
  }

  public <R> Change<R> map(Function<? super T, ? extends R> mapper) {
    return present ? to(value == null ? null : mapper.apply(value)) : keep();
  }
}
