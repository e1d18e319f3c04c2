package dev.worklane.adapter.out.persistence.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link ProfileRepository} must do, whatever stores it. */
abstract class ProfileRepositoryContract {

  protected abstract ProfileRepository profiles();

  /** A user the store accepts profiles for (a stored user, where the store checks). */
  protected abstract UserId existingUser();

  @Test
  void savedProfileIsFoundByUserId() {
    Profile profile = new Profile(existingUser(), "Ada Lovelace", ZoneId.of("Europe/London"), T0);

    Profile saved = profiles().save(profile);

    assertThat(saved).isEqualTo(profile);
    assertThat(profiles().findByUserId(profile.userId())).contains(profile);
  }

  @Test
  void savingAgainReplacesNameAndTimeZone() {
    UserId user = existingUser();
    Profile original = profiles().save(new Profile(user, "Grace", ZoneId.of("UTC"), T0));
    Profile changed =
        original
            .rename("Grace Hopper", T0.plusSeconds(10))
            .moveTo(ZoneId.of("America/New_York"), T0.plusSeconds(20));

    profiles().save(changed);

    assertThat(profiles().findByUserId(user)).contains(changed);
  }

  @Test
  void displayNameOfTheFullAllowedLengthInAnyScriptIsKept() {
    String hundredCharacters = "名".repeat(Profile.DISPLAY_NAME_MAX);
    Profile profile = new Profile(existingUser(), hundredCharacters, ZoneId.of("Asia/Tokyo"), T0);

    profiles().save(profile);

    assertThat(profiles().findByUserId(profile.userId())).contains(profile);
  }

  @Test
  void findAnswersEmptyForAUserWithoutProfile() {
    assertThat(profiles().findByUserId(existingUser())).isEmpty();
  }

  @Test
  void findByUserIdsAnswersTheProfilesOfManyUsersAndLeavesTheAbsentOut() {
    Profile ada = profiles().save(new Profile(existingUser(), "Ada", ZoneId.of("UTC"), T0));
    Profile bob = profiles().save(new Profile(existingUser(), "Bob", ZoneId.of("UTC"), T0));
    UserId withoutProfile = existingUser();

    Map<UserId, Profile> found =
        profiles().findByUserIds(List.of(ada.userId(), bob.userId(), withoutProfile, ada.userId()));

    assertThat(found).containsOnly(entry(ada.userId(), ada), entry(bob.userId(), bob));
    assertThat(profiles().findByUserIds(List.of())).isEmpty();
  }
}
