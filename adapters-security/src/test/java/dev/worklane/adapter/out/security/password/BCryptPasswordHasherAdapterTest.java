package dev.worklane.adapter.out.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.user.Password;
import org.junit.jupiter.api.Test;

class BCryptPasswordHasherAdapterTest {
  final BCryptPasswordHasherAdapter hasher = new BCryptPasswordHasherAdapter(10);

  @Test
  void hashesWithBcryptAndMatchesOnlyTheRightPassword() {
    String hash = hasher.hash(new Password("correct horse battery"));
    assertThat(hash).startsWith("$2a$10$").doesNotContain("horse");
    assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    assertThat(hasher.matches("correct horse battery!", hash)).isFalse();
    assertThat(hasher.matches(null, hash)).isFalse();
    assertThat(hasher.matches("x", null)).isFalse();
  }

  @Test
  void everyCharacterOfALongPasswordCounts() {
    String longOne = "a".repeat(100) + "1";
    String hash = hasher.hash(new Password(longOne));
    assertThat(hasher.matches(longOne, hash)).isTrue();
    assertThat(hasher.matches("a".repeat(100) + "2", hash)).isFalse();
    assertThat(BCryptPasswordHasherAdapter.fit("short")).isEqualTo("short");
    assertThat(BCryptPasswordHasherAdapter.fit(longOne)).hasSize(44);
  }

  @Test
  void dummyMatchRunsWithoutFailingOnAnyInput() {
    hasher.matchAgainstDummy("anything");
    hasher.matchAgainstDummy(null);
    assertThat(hasher.matches("anything", hasher.hash(new Password("anything at all")))).isFalse();
  }

  @Test
  void refusesACostBelowTen() {
    assertThatThrownBy(() -> new BCryptPasswordHasherAdapter(9))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
