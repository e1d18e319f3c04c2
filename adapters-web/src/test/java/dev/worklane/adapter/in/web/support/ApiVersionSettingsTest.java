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

  @Test
  void v2EquivalentsExistForProjectsAndTasksOnly() {
    assertThat(ApiPaths.v2Equivalent("/api/v1/projects/1/tasks"))
        .isEqualTo("/api/v2/projects/1/tasks");
    assertThat(ApiPaths.v2Equivalent("/api/v1/tasks")).isEqualTo("/api/v2/tasks");
    assertThat(ApiPaths.v2Equivalent("/api/v1/projectsX")).isNull();
    assertThat(ApiPaths.v2Equivalent("/api/v1/users/me")).isNull();
    assertThat(ApiPaths.v2Equivalent("/api/v2/tasks")).isNull();
  }
}
