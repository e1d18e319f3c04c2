package dev.worklane.domain.common;

/**
 * An uploaded file (or request body) is larger than its limit. Answered with 413 {@code
 * PAYLOAD_TOO_LARGE}, as soon as the limit is crossed: nothing past it is read or kept.
 */
public final class PayloadTooLargeException extends InvalidInputException {
  private final long limitBytes;

  public PayloadTooLargeException(String field, long limitBytes) {
    super("PAYLOAD_TOO_LARGE", field, field + " exceeds the limit of " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
