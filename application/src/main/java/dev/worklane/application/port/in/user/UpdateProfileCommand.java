package dev.worklane.application.port.in.user;

import java.time.ZoneId;
import java.util.Optional;

/** A partial update: empty means "leave as is". */
public record UpdateProfileCommand(Optional<String> displayName, Optional<ZoneId> timeZone) {
  public UpdateProfileCommand {
    displayName = displayName == null ? Optional.empty() : displayName;
    timeZone = timeZone == null ? Optional.empty() : timeZone;
  }
}
