package dev.worklane.application.port.model;

import java.util.List;
import java.util.function.Function;

/** One offset page and the size of the whole set. */
public record Page<T>(List<T> items, int page, int perPage, long total) {
  public Page {
    items = List.copyOf(items);
  }

  public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
    return new Page<>(items.stream().<R>map(mapper).toList(), page, perPage, total);
  }
}
