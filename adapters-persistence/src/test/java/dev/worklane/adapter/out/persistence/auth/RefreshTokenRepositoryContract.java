package dev.worklane.adapter.out.persistence.auth;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.domain.auth.RefreshToken;
import dev.worklane.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RefreshTokenRepository} must do, whatever stores it. */
abstract class RefreshTokenRepositoryContract {

  protected static final Instant EXPIRY = T0.plus(Duration.ofDays(30));

  protected abstract RefreshTokenRepository tokens();

  /** A user the store accepts tokens for (a stored user, where the store checks). */
  protected abstract UserId existingUser();

  protected static String uniqueHash() {
    return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
  }

  protected RefreshToken login(UserId user) {
    RefreshToken token = RefreshToken.startFamily(user, uniqueHash(), T0, EXPIRY);
    tokens().add(token);
    return token;
  }

  protected RefreshToken rotate(RefreshToken current, Instant now) {
    RefreshToken successor = current.successor(uniqueHash(), now);
    tokens().add(successor);
    assertThat(tokens().markRotated(current.id(), successor.id(), now)).isTrue();
    return successor;
  }

  @Test
  void addedTokenIsFoundByItsHashWithEveryField() {
    RefreshToken token = login(existingUser());

    assertThat(tokens().findByHash(token.tokenHash())).contains(token);
  }

  @Test
  void findByHashAnswersEmptyForAnUnknownHash() {
    assertThat(tokens().findByHash(uniqueHash())).isEmpty();
  }

  @Test
  void markRotatedSucceedsOnceThenRefuses() {
    RefreshToken current = login(existingUser());
    RefreshToken first = current.successor(uniqueHash(), T0.plusSeconds(1));
    RefreshToken second = current.successor(uniqueHash(), T0.plusSeconds(2));
    tokens().add(first);
    tokens().add(second);

    assertThat(tokens().markRotated(current.id(), first.id(), T0.plusSeconds(1))).isTrue();
    assertThat(tokens().markRotated(current.id(), second.id(), T0.plusSeconds(2))).isFalse();

    RefreshToken stored = tokens().findByHash(current.tokenHash()).orElseThrow();
    assertThat(stored.replacedById()).isEqualTo(first.id());
    assertThat(stored.wasRotated()).isTrue();
  }

  @Test
  void rotatedTokenIsNotRevokedSoItsReuseIsRecognisable() {
    RefreshToken current = login(existingUser());
    rotate(current, T0.plusSeconds(1));

    RefreshToken stored = tokens().findByHash(current.tokenHash()).orElseThrow();
    assertThat(stored.isRevoked()).isFalse();
    assertThat(stored.wasRotated()).isTrue();
  }

  @Test
  void markRotatedRefusesARevokedToken() {
    RefreshToken current = login(existingUser());
    tokens().revokeFamily(current.familyId(), T0.plusSeconds(1));
    RefreshToken successor = current.successor(uniqueHash(), T0.plusSeconds(2));
    tokens().add(successor);

    assertThat(tokens().markRotated(current.id(), successor.id(), T0.plusSeconds(2))).isFalse();
  }

  @Test
  void revokeFamilyRevokesEveryLiveTokenOfThatFamilyOnly() {
    UserId user = existingUser();
    RefreshToken first = login(user);
    RefreshToken second = rotate(first, T0.plusSeconds(1));
    RefreshToken third = rotate(second, T0.plusSeconds(2));
    RefreshToken otherFamily = login(user);

    assertThat(tokens().revokeFamily(first.familyId(), T0.plusSeconds(3))).isEqualTo(3);
    assertThat(tokens().revokeFamily(first.familyId(), T0.plusSeconds(4))).isZero();

    for (RefreshToken token : new RefreshToken[] {first, second, third}) {
      RefreshToken stored = tokens().findByHash(token.tokenHash()).orElseThrow();
      assertThat(stored.revokedAt()).isEqualTo(T0.plusSeconds(3));
    }
    assertThat(tokens().findByHash(otherFamily.tokenHash()).orElseThrow().isRevoked()).isFalse();
  }

  @Test
  void revokeAllOfRevokesEveryFamilyOfThatUserOnly() {
    UserId user = existingUser();
    UserId someoneElse = existingUser();
    RefreshToken laptop = login(user);
    rotate(laptop, T0.plusSeconds(1));
    RefreshToken phone = login(user);
    RefreshToken alreadyRevoked = login(user);
    tokens().revokeFamily(alreadyRevoked.familyId(), T0.plusSeconds(2));
    RefreshToken theirs = login(someoneElse);

    assertThat(tokens().revokeAllOf(user, T0.plusSeconds(3))).isEqualTo(3);
    assertThat(tokens().revokeAllOf(user, T0.plusSeconds(4))).isZero();

    assertThat(tokens().findByHash(phone.tokenHash()).orElseThrow().revokedAt())
        .isEqualTo(T0.plusSeconds(3));
    assertThat(tokens().findByHash(alreadyRevoked.tokenHash()).orElseThrow().revokedAt())
        .isEqualTo(T0.plusSeconds(2));
    assertThat(tokens().findByHash(theirs.tokenHash()).orElseThrow().isRevoked()).isFalse();
  }
}
