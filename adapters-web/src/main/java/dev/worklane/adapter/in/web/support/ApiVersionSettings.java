package dev.worklane.adapter.in.web.support;

import java.time.LocalDate;

/**
 * When v1 was deprecated and when it goes away, both UTC dates from configuration. The seed
 * promises old versions for at least 6 months, so an earlier sunset stops the start.
 *
 * @param v1Sunset null: six months after the deprecation
 */
public record ApiVersionSettings(LocalDate v1Deprecation, LocalDate v1Sunset) {
  public static final int MIN_SUPPORT_MONTHS = 6;

  public ApiVersionSettings {
    if (v1Deprecation == null) {
      throw new IllegalArgumentException("the v1 deprecation date must be configured");
    }
    LocalDate earliest = v1Deprecation.plusMonths(MIN_SUPPORT_MONTHS);
    if (v1Sunset == null) {
      v1Sunset = earliest;
    }
    if (v1Sunset.isBefore(earliest)) {
      throw new IllegalArgumentException(
          "WORKLANE_API_V1_SUNSET ("
              + v1Sunset
              + ") must be at least "
              + MIN_SUPPORT_MONTHS
              + " months after WORKLANE_API_V1_DEPRECATION ("
              + v1Deprecation
              + ")");
    }
  }
}
