package dev.worklane.domain.common;

/**
 * An uploaded content is larger than its limit (an avatar over 2 MiB). Answered 413 {@code
 * PAYLOAD_TOO_LARGE}; the message names the limit, never the content.
 */
public final class PayloadTooLargeException extends DomainException {
  private final long limitBytes;

  public PayloadTooLargeException(String what, long limitBytes) {
    super("PAYLOAD_TOO_LARGE", what + " exceeds the limit of " + limitBytes + " bytes");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
