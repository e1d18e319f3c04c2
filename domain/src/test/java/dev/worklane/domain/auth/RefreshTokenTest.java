package dev.worklane.domain.auth;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.domain.user.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

  @Test
  void aFamilyStartsWithItsFirstTokenAndKeepsItsAbsoluteExpiry() {
    RefreshToken first =
        RefreshToken.startFamily(UserId.random(), "h1", T0, T0.plus(Duration.ofDays(30)));
    assertThat(first.familyId()).isEqualTo(first.id());
    RefreshToken next = first.successor("h2", T0.plus(Duration.ofDays(10)));
    assertThat(next.familyId()).isEqualTo(first.familyId());
    assertThat(next.id()).isNotEqualTo(first.id());
    assertThat(next.expiresAt()).isEqualTo(first.expiresAt());
    assertThat(next.issuedAt()).isEqualTo(T0.plus(Duration.ofDays(10)));
  }

  @Test
  void knowsWhenItIsRotatedRevokedOrExpired() {
    RefreshToken t = RefreshToken.startFamily(UserId.random(), "h", T0, T0.plusSeconds(10));
    assertThat(t.wasRotated()).isFalse();
    assertThat(t.isRevoked()).isFalse();
    assertThat(t.isExpired(T0.plusSeconds(9))).isFalse();
    assertThat(t.isExpired(T0.plusSeconds(10))).isTrue();
    RefreshToken rotated =
        new RefreshToken(t.id(), t.userId(), t.familyId(), "h", T0, t.expiresAt(), T0, t.id());
    assertThat(rotated.wasRotated()).isTrue();
    assertThat(rotated.isRevoked()).isTrue();
  }
}
