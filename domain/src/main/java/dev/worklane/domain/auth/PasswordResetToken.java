package dev.worklane.domain.auth;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.user.UserId;
import java.time.Instant;

/** A single-use password-reset token. Only the SHA-256 of the token is kept. */
public record PasswordResetToken(
    String tokenHash, UserId userId, Instant createdAt, Instant expiresAt, Instant usedAt) {

  public PasswordResetToken {
    Require.present(tokenHash, "tokenHash");
    Require.present(userId, "userId");
    Require.present(createdAt, "createdAt");
    Require.present(expiresAt, "expiresAt");
  }

  public static PasswordResetToken issue(
      String tokenHash, UserId userId, Instant now, java.time.Duration validity) {
    return new PasswordResetToken(tokenHash, userId, now, now.plus(validity), null);
  }

  /** Unused and not yet expired at {@code now}. */
  public boolean usableAt(Instant now) {
    return usedAt == null && now.isBefore(expiresAt);
  }
}
