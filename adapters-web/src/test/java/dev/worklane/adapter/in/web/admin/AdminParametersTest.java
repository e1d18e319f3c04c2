package dev.worklane.adapter.in.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.domain.common.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AdminParametersTest {

  @ParameterizedTest
  @ValueSource(strings = {"failed", "FAILED", " Waiting ", "delayed", "active", "completed"})
  void acceptsEveryStateCaseInsensitively(String value) {
    assertThat(AdminParameters.state(value)).isIn((Object[]) JobState.values());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"paused", "fail", "failed;drop", "*"})
  void refusesAnyOtherStateNamingTheParameter(String value) {
    assertThatThrownBy(() -> AdminParameters.state(value))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("state"))
        .hasMessageContaining("waiting, delayed, active, completed, failed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0b8a1c2e-3f4d-4e5f-8a9b-0c1d2e3f4a5b",
        "welcome:user-42",
        "report 2026-12 (draft) é ✓",
        "a"
      })
  void acceptsRandomIdsAndIdempotencyKeys(String id) {
    assertThat(AdminParameters.jobId(id)).isEqualTo(id);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "line\nbreak", "nul\u0000", "c1\u0085", "sep\u2028", "\ud800x"})
  void refusesGarbageJobIds(String id) {
    assertThatThrownBy(() -> AdminParameters.jobId(id))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("jobId"));
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 201})
  void limitsJobIdsToTwoHundredCharacters(int length) {
    String id = "k".repeat(length);
    if (length <= AdminParameters.MAX_JOB_ID_LENGTH) {
      assertThat(AdminParameters.jobId(id)).isEqualTo(id);
    } else {
      assertThatThrownBy(() -> AdminParameters.jobId(id)).isInstanceOf(InvalidInputException.class);
    }
  }
}
