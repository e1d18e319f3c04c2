package dev.worklane.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordTest {

  @Test
  void acceptsTwelveToOneHundredTwentyEightCharacters() {
    assertThat(new Password("x".repeat(12)).value()).hasSize(12);
    assertThat(new Password("x".repeat(128)).value()).hasSize(128);
  }

  @Test
  void rejectsTooShortTooLongAndMissing() {
    assertThatThrownBy(() -> new Password("x".repeat(11)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Password("x".repeat(129)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Password(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void neverPrintsItsValue() {
    assertThat(new Password("correct horse battery").toString()).doesNotContain("horse");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse\u0000battery",
        "correct horse\tbattery",
        "correct horse battery\u001b"
      })
  void rejectsControlCharacters(String raw) {
    assertThatThrownBy(() -> new Password(raw))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("control characters");
  }
}
