package dev.worklane.domain.user;

import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.common.Require;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Public face of a user: display name, IANA time zone and, optionally, the storage key of the
 * avatar (a public object; {@code null} when the user has none).
 */
public record Profile(
    UserId userId, String displayName, ZoneId timeZone, String avatarKey, Instant updatedAt) {
  public static final int DISPLAY_NAME_MAX = 100;
  public static final int AVATAR_KEY_MAX = 200;
  private static final Set<String> IANA_IDS = ZoneId.getAvailableZoneIds();

  public Profile {
    Require.present(userId, "userId");
    Require.text(displayName, "displayName", 1, DISPLAY_NAME_MAX);
    Require.noControlCharacters(displayName, "displayName");
    if (displayName.isBlank()) {
      throw new InvalidInputException("displayName", "displayName must not be blank");
    }
    Require.present(timeZone, "timeZone");
    if (avatarKey != null) {
      Require.text(avatarKey, "avatarKey", 1, AVATAR_KEY_MAX);
      Require.noControlCharacters(avatarKey, "avatarKey");
    }
    Require.present(updatedAt, "updatedAt");
  }

  /** A profile without an avatar. */
  public Profile(UserId userId, String displayName, ZoneId timeZone, Instant updatedAt) {
    this(userId, displayName, timeZone, null, updatedAt);
  }

  /** A new account's profile: the display name defaults to the email's local part. */
  public static Profile initial(UserId userId, Email email, String displayName, Instant now) {
    if (displayName != null) {
      // Before strip(): it would silently drop U+001C..U+001F, which count as whitespace.
      Require.noControlCharacters(displayName, "displayName");
    }
    String name =
        displayName == null || displayName.isBlank()
            ? email.value().substring(0, email.value().indexOf('@'))
            : displayName.strip();
    return new Profile(userId, name, ZoneId.of("UTC"), now);
  }

  /**
   * Parses an IANA region id ("Europe/Paris", "UTC"). Offsets such as "+02:00" are refused: they do
   * not follow daylight-saving changes.
   */
  public static ZoneId ianaZone(String id) {
    Require.present(id, "timeZone");
    if (!IANA_IDS.contains(id)) {
      throw new InvalidInputException("timeZone", "timeZone must be an IANA time zone id");
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new InvalidInputException("timeZone", "timeZone must be an IANA time zone id");
    }
  }

  public Profile rename(String newName, Instant now) {
    if (newName != null) {
      Require.noControlCharacters(newName, "displayName");
    }
    return new Profile(userId, newName == null ? null : newName.strip(), timeZone, avatarKey, now);
  }

  public Profile moveTo(ZoneId zone, Instant now) {
    return new Profile(userId, displayName, zone, avatarKey, now);
  }

  public Optional<String> avatar() {
    return Optional.ofNullable(avatarKey);
  }
}
