package dev.worklane.adapter.in.web.file;

import dev.worklane.application.port.model.storage.ByteRange;
import java.util.Locale;

/**
 * One {@code Range: bytes=…} request resolved against an object's size (RFC 9110 §14): {@code
 * first-last}, {@code first-} or the suffix {@code -n}. A header this does not understand — another
 * unit, a malformed or reversed range, several ranges — is ignored, as the RFC allows, and the
 * whole object is served; a well-formed range that starts at or beyond the end is unsatisfiable.
 */
sealed interface RangeHeader {

  /** Serve the whole object (200). */
  record Whole() implements RangeHeader {}

  /** Serve this part (206). */
  record Part(ByteRange range) implements RangeHeader {}

  /** 416 with {@code Content-Range: bytes *}{@code /size}. */
  record Unsatisfiable() implements RangeHeader {}

  static RangeHeader resolve(String header, long size) {
    if (header == null) {
      return new Whole();
    }
    String value = header.strip();
    if (!value.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
      return new Whole();
    }
    String spec = value.substring("bytes=".length()).strip();
    int dash = spec.indexOf('-');
    if (spec.indexOf(',') >= 0 || dash < 0) {
      return new Whole();
    }
    String start = spec.substring(0, dash).strip();
    String end = spec.substring(dash + 1).strip();
    if (start.isEmpty()) {
      if (!digits(end)) {
        return new Whole();
      }
      long suffix = number(end);
      if (suffix == 0 || size == 0) {
        return new Unsatisfiable();
      }
      return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    if (!digits(start) || !(end.isEmpty() || digits(end))) {
      return new Whole();
    }
    long first = number(start);
    long last = end.isEmpty() ? -1 : number(end);
    if (last != -1 && last < first) {
      return new Whole();
    }
    if (first >= size) {
      return new Unsatisfiable();
    }
    return new Part(new ByteRange(first, last == -1 ? size - 1 : Math.min(last, size - 1)));
  }

  private static boolean digits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A value too large for a long is larger than any object: it saturates. */
  private static long number(String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
