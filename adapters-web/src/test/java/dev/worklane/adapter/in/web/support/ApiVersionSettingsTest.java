package dev.worklane.adapter.in.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ApiVersionSettingsTest {

  @Test
  void sunsetDefaultsToSixMonthsAfterTheDeprecation() {
    assertThat(new ApiVersionSettings(LocalDate.parse("2026-12-01"), null).v1Sunset())
        .isEqualTo(LocalDate.parse("2027-06-01"));
  }

  @Test
  void refusesASunsetEarlierThanSixMonths() {
    assertThatThrownBy(
            () ->
                new ApiVersionSettings(
                    LocalDate.parse("2026-12-01"), LocalDate.parse("2027-05-31")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 months");
  }
}
