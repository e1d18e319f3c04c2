package dev.worklane.adapter.out.security.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.user.Password;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BCryptPasswordHasherAdapterTest {
  final BCryptPasswordHasherAdapter hasher = new BCryptPasswordHasherAdapter(10);

  /** 88 UTF-8 bytes: longer than BCrypt reads. */
  static final String LONG_PASSWORD =
      "Ünïcödé long passphrase, far beyond BCrypt's 72 bytes: correct horse battery staple!";

  /** Stored before the fix: BCrypt (cost 10) of base64(SHA-256(LONG_PASSWORD)). */
  static final String HASH_OF_LONG_PASSWORD_BEFORE_THE_FIX =
      "$2a$10$Xa.RODI6PqdxdlbjXIEjZ.SBVo/UfbhehKV8Yc6/EW2azbYr4FpVu";

  /** Stored before the fix: BCrypt (cost 10) of "correct horse battery". */
  static final String HASH_OF_SHORT_PASSWORD_BEFORE_THE_FIX =
      "$2a$10$6/hBok9YZ7tFmWlm6f57IuH.U1ZSr7oPlGm7dm8T5ctrZufB6viEK";

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
    assertThat(BCryptPasswordHasherAdapter.fit(longOne).getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(72);
  }

  @Test
  void theDigestOfALongPasswordDoesNotLogInAsItsOwner() throws Exception {
    String hash = hasher.hash(new Password(LONG_PASSWORD));
    String digest = base64Sha256(LONG_PASSWORD);

    assertThat(new Password(digest).value()).as("a valid password by itself").hasSize(44);
    assertThat(hasher.matches(LONG_PASSWORD, hash)).isTrue();
    assertThat(hasher.matches(digest, hash)).isFalse();
    // Nor does the reduced form typed as it is: input that starts like it is reduced in turn.
    assertThat(hasher.matches(BCryptPasswordHasherAdapter.fit(LONG_PASSWORD), hash)).isFalse();
  }

  @Test
  void hashesStoredBeforeTheFixStillVerify() {
    assertThat(hasher.matches(LONG_PASSWORD, HASH_OF_LONG_PASSWORD_BEFORE_THE_FIX)).isTrue();
    assertThat(hasher.matches(LONG_PASSWORD + "!", HASH_OF_LONG_PASSWORD_BEFORE_THE_FIX)).isFalse();
    assertThat(hasher.matches("correct horse battery", HASH_OF_SHORT_PASSWORD_BEFORE_THE_FIX))
        .isTrue();
    assertThat(hasher.matches("correct horse battery!", HASH_OF_SHORT_PASSWORD_BEFORE_THE_FIX))
        .isFalse();
  }

  @Test
  void aHashOfTheBareDigestIsReplacedByOneTheDigestDoesNotOpen() throws Exception {
    String digest =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(LONG_PASSWORD.getBytes(StandardCharsets.UTF_8)));
    assertThat(hasher.matches(digest, HASH_OF_LONG_PASSWORD_BEFORE_THE_FIX)).isTrue();

    String fresh =
        hasher.rehashIfOutdated(LONG_PASSWORD, HASH_OF_LONG_PASSWORD_BEFORE_THE_FIX).orElseThrow();

    assertThat(hasher.matches(LONG_PASSWORD, fresh)).isTrue();
    assertThat(hasher.matches(digest, fresh)).isFalse();
    assertThat(hasher.rehashIfOutdated(LONG_PASSWORD, fresh)).isEmpty();
  }

  @Test
  void currentAndShortHashesAreNotReplaced() {
    assertThat(
            hasher.rehashIfOutdated("correct horse battery", HASH_OF_SHORT_PASSWORD_BEFORE_THE_FIX))
        .isEmpty();
    assertThat(hasher.rehashIfOutdated(LONG_PASSWORD, hasher.hash(new Password(LONG_PASSWORD))))
        .isEmpty();
    assertThat(hasher.rehashIfOutdated(null, HASH_OF_SHORT_PASSWORD_BEFORE_THE_FIX)).isEmpty();
  }

  @Test
  void dummyMatchRunsWithoutFailingOnAnyInput() {
    hasher.matchAgainstDummy("anything");
    hasher.matchAgainstDummy(LONG_PASSWORD);
    hasher.matchAgainstDummy(null);
    assertThat(hasher.matches("anything", hasher.hash(new Password("anything at all")))).isFalse();
  }

  @Test
  void refusesACostBelowTen() {
    assertThatThrownBy(() -> new BCryptPasswordHasherAdapter(9))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String base64Sha256(String value) throws Exception {
    return Base64.getEncoder()
        .encodeToString(
            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }
}
