package dev.worklane.application.port.model;

import java.util.List;
import java.util.function.Function;

/** One cursor page; {@code next} is null on the last page. */
public record CursorPage<T>(List<T> items, int perPage, Position next) {
  public CursorPage {
    items = List.copyOf(items);
  }

  public <R> CursorPage<R> map(Function<? super T, ? extends R> mapper) {
    return new CursorPage<>(items.stream().<R>map(mapper).toList(), perPage, next);
  }
}
