package dev.worklane.adapter.in.web.file;

/** A {@code Range} that starts at or beyond the end of an object of {@code size} bytes: 416. */
public class RangeNotSatisfiableException extends RuntimeException {
  private final long size;

  RangeNotSatisfiableException(long size) {
    super("The requested range lies beyond the end of the file");
    this.size = size;
  }

  public long size() {
    return size;
  }
}
