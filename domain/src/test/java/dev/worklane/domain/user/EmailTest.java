package dev.worklane.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

  @Test
  void normalisesCaseAndSurroundingSpace() {
    assertThat(new Email("  Ada.Lovelace@Example.COM ").value())
        .isEqualTo("ada.lovelace@example.com");
    assertThat(new Email("A@b.io")).isEqualTo(new Email("a@B.IO"));
    assertThat(new Email("a@b.io")).hasToString("a@b.io");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "a@b", "@b.io", "a b@c.io", "a@-b.io", "a@b..io", "a@b.io."})
  void rejectsMalformedAddresses(String raw) {
    assertThatThrownBy(() -> new Email(raw))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("email");
  }

  @Test
  void rejectsMissingAndOverlongAddresses() {
    assertThatThrownBy(() -> new Email(null)).isInstanceOf(InvalidInputException.class);
    String longLocal = "a".repeat(64);
    String longDomain = ("b".repeat(60) + ".").repeat(4) + "io";
    assertThatThrownBy(() -> new Email(longLocal + "@" + longDomain))
        .isInstanceOf(InvalidInputException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000b@c.io",
        "ab@c.io\u0000",
        "\u001fab@c.io",
        "a\u007fb@c.io",
        "a\u0085b@c.io",
        "ab@c.io\n"
      })
  void rejectsControlCharacters(String raw) {
    assertThatThrownBy(() -> new Email(raw))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("control characters")
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("email");
  }
}
