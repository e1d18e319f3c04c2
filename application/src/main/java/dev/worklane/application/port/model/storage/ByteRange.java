package dev.worklane.application.port.model.storage;

/**
 * An inclusive byte range as in RFC 9110 §14.1.2: {@code first}..{@code last}, where {@code last}
 * may be {@code -1} for "to the end". The web layer resolves suffix ranges ({@code bytes=-500})
 * against the object's size before asking the store.
 */
public record ByteRange(long first, long last) {

  public ByteRange {
    if (first < 0 || (last != -1 && last < first)) {
      throw new IllegalArgumentException("invalid byte range " + first + "-" + last);
    }
  }

  public static ByteRange from(long first) {
    return new ByteRange(first, -1);
  }
}
