package dev.worklane.adapter.out.persistence.support;

import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Position;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;

/**
 * Helpers of keyset (cursor) pages: the queries fetch one row more than a page, and that extra row
 * only says whether a next page exists.
 */
public final class Keyset {

  private Keyset() {}

  /** The LIMIT of a cursor query: one more than the page, to know whether it is the last. */
  public static int limitOf(CursorRequest cursor) {
    return cursor.perPage() + 1;
  }

  /**
   * Cuts the extra row off; {@code next} is the position of the page's last item, if any follows.
   */
  public static <T> CursorPage<T> page(
      List<T> rows, CursorRequest cursor, Function<T, Position> positionOf) {
    if (rows.size() <= cursor.perPage()) {
      return new CursorPage<>(rows, cursor.perPage(), null);
    }
    List<T> items = rows.subList(0, cursor.perPage());
    return new CursorPage<>(items, cursor.perPage(), positionOf.apply(items.getLast()));
  }

  /**
   * Binds an instant to a timestamptz parameter exactly (microseconds, no JVM-zone conversion), so
   * a cursor position compares equal to the row it was taken from.
   */
  public static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }
}
