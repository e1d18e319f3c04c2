package dev.worklane.application.port.out;

import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.util.Optional;

public interface ProfileRepository {
  Optional<Profile> findByUserId(UserId userId);

  Profile save(Profile profile);
}
