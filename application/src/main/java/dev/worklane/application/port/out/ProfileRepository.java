package dev.worklane.application.port.out;

import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

public interface ProfileRepository {
  Optional<Profile> findByUserId(UserId userId);

  Profile save(Profile profile);

  /**
   * The profiles of several users at once (a page of tasks, of members); absent ids are left out.
   */
  Map<UserId, Profile> findByUserIds(Collection<UserId> userIds);
}
