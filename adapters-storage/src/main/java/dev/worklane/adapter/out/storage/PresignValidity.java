package dev.worklane.adapter.out.storage;

import java.time.Duration;

/**
 * How long a signed URL may live: more than zero, at most seven days (S3's own limit), on both
 * stores.
 */
public final class PresignValidity {
  public static final Duration MAX = Duration.ofDays(7);

  private PresignValidity() {}

  public static Duration require(Duration validity) {
    if (validity == null
        || validity.isNegative()
        || validity.isZero()
        || validity.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "a signed URL is valid for more than 0 s and at most 7 days");
    }
    return validity;
  }
}
