package dev.worklane.application.port.out;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One revocation of access already handed out (ASVS 5.0 §7.4).
 *
 * @param kind what is denied
 * @param subject the access token's {@code jti}, the login's {@code sid} (its refresh family), or
 *     the user id
 * @param at for {@link Kind#TOKEN} and {@link Kind#SESSION}: until when the denial holds (the
 *     latest expiry of what it denies); for {@link Kind#NOT_BEFORE}: the stamp before which nothing
 *     issued to the user counts
 */
public record Revocation(Kind kind, String subject, Instant at) {

  public enum Kind {
    TOKEN,
    SESSION,
    NOT_BEFORE
  }

  public Revocation {
    Require.present(kind, "kind");
    Require.present(subject, "subject");
    Require.present(at, "at");
    // The ledger keeps microseconds; a value it stores must compare equal to the one it was given.
    at = at.truncatedTo(ChronoUnit.MICROS);
  }

  public static Revocation token(String tokenId, Instant expiresAt) {
    return new Revocation(Kind.TOKEN, tokenId, expiresAt);
  }

  public static Revocation session(UUID sessionId, Instant until) {
    return new Revocation(Kind.SESSION, sessionId.toString(), until);
  }

  public static Revocation notBefore(UserId userId, Instant stamp) {
    return new Revocation(Kind.NOT_BEFORE, userId.toString(), stamp);
  }
}
