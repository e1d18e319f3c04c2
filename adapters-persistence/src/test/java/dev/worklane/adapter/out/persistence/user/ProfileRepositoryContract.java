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

  @Test
  void replaceAvatarSetsTheKeyAndAnswersTheOneItReplaced() {
    UserId user = existingUser();
    profiles().save(new Profile(user, "Ada", ZoneId.of("UTC"), T0));

    var first = profiles().replaceAvatar(user, "avatars/" + user + "/1.png", T0.plusSeconds(1));
    var second = profiles().replaceAvatar(user, "avatars/" + user + "/2.webp", T0.plusSeconds(2));

    assertThat(first).hasValueSatisfying(r -> assertThat(r.previousKey()).isEmpty());
    assertThat(second)
        .hasValueSatisfying(
            r -> {
              assertThat(r.previousKey()).contains("avatars/" + user + "/1.png");
              assertThat(r.profile())
                  .isEqualTo(
                      new Profile(
                          user,
                          "Ada",
                          ZoneId.of("UTC"),
                          "avatars/" + user + "/2.webp",
                          T0.plusSeconds(2)));
            });
    assertThat(profiles().findByUserId(user))
        .hasValueSatisfying(
            p -> assertThat(p.avatarKey()).isEqualTo("avatars/" + user + "/2.webp"));
    assertThat(profiles().findByUserIds(List.of(user)).get(user).avatarKey())
        .isEqualTo("avatars/" + user + "/2.webp");
  }

  @Test
  void replaceAvatarWithNullClearsIt() {
    UserId user = existingUser();
    profiles().save(new Profile(user, "Ada", ZoneId.of("UTC"), T0));
    profiles().replaceAvatar(user, "avatars/" + user + "/1.jpg", T0);

    var cleared = profiles().replaceAvatar(user, null, T0.plusSeconds(5));

    assertThat(cleared)
        .hasValueSatisfying(
            r -> {
              assertThat(r.previousKey()).contains("avatars/" + user + "/1.jpg");
              assertThat(r.profile().avatar()).isEmpty();
              assertThat(r.profile().updatedAt()).isEqualTo(T0.plusSeconds(5));
            });
    assertThat(profiles().findByUserId(user).orElseThrow().avatar()).isEmpty();
    assertThat(profiles().replaceAvatar(user, null, T0).orElseThrow().previousKey()).isEmpty();
  }

  @Test
  void savingAProfileKeepsItsAvatar() {
    UserId user = existingUser();
    Profile original = profiles().save(new Profile(user, "Ada", ZoneId.of("UTC"), T0));
    profiles().replaceAvatar(user, "avatars/" + user + "/1.png", T0);

    // The caller holds the profile as read before the upload: saving it must not undo the upload.
    profiles().save(original.rename("Ada L.", T0.plusSeconds(1)));

    assertThat(profiles().findByUserId(user).orElseThrow())
        .extracting(Profile::displayName, Profile::avatarKey)
        .containsExactly("Ada L.", "avatars/" + user + "/1.png");
  }

  @Test
  void replaceAvatarAnswersEmptyForAUserWithoutProfile() {
    assertThat(profiles().replaceAvatar(existingUser(), "avatars/x/1.png", T0)).isEmpty();
  }

  @Test
  void avatarKeysInUseAreThoseSomeProfileNames() {
    UserId ada = existingUser();
    UserId bob = existingUser();
    profiles().save(new Profile(ada, "Ada", ZoneId.of("UTC"), T0));
    profiles().save(new Profile(bob, "Bob", ZoneId.of("UTC"), T0));
    profiles().replaceAvatar(ada, "avatars/" + ada + "/1.png", T0);
    profiles().replaceAvatar(bob, "avatars/" + bob + "/1.png", T0);
    profiles().replaceAvatar(bob, "avatars/" + bob + "/2.png", T0);

    assertThat(
            profiles()
                .avatarKeysInUse(
                    List.of(
                        "avatars/" + ada + "/1.png",
                        "avatars/" + bob + "/1.png",
                        "avatars/" + bob + "/2.png",
                        "avatars/nobody/3.png")))
        .containsExactlyInAnyOrder("avatars/" + ada + "/1.png", "avatars/" + bob + "/2.png");
    assertThat(profiles().avatarKeysInUse(List.of())).isEmpty();
  }
}
