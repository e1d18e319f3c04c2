package dev.worklane.domain.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.common.InvalidInputException;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ProfileTest {
  private final UserId id = UserId.random();

  @Test
  void initialProfileDefaultsNameToLocalPartAndZoneToUtc() {
    Profile p = Profile.initial(id, new Email("grace@navy.mil"), null, T0);
    assertThat(p.displayName()).isEqualTo("grace");
    assertThat(p.timeZone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(Profile.initial(id, new Email("g@n.io"), "  Grace H ", T0).displayName())
        .isEqualTo("Grace H");
    assertThat(Profile.initial(id, new Email("g@n.io"), "  ", T0).displayName()).isEqualTo("g");
  }

  @Test
  void acceptsIanaRegionIdsOnly() {
    assertThat(Profile.ianaZone("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(Profile.ianaZone("UTC")).isEqualTo(ZoneId.of("UTC"));
    for (String bad : new String[] {"+02:00", "Mars/Olympus", "europe/paris", ""}) {
      assertThatThrownBy(() -> Profile.ianaZone(bad))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("IANA");
    }
    assertThatThrownBy(() -> Profile.ianaZone(null)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void renameAndMoveReturnUpdatedCopies() {
    Profile p = Profile.initial(id, new Email("a@b.io"), "A", T0);
    Profile renamed = p.rename("  Bee ", T0.plusSeconds(1));
    assertThat(renamed.displayName()).isEqualTo("Bee");
    assertThat(renamed.updatedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(p.moveTo(ZoneId.of("Asia/Tokyo"), T0).timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
  }

  @Test
  void displayNameMustBePresentNotBlankAndBounded() {
    Profile p = Profile.initial(id, new Email("a@b.io"), "A", T0);
    assertThatThrownBy(() -> p.rename("   ", T0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> p.rename(null, T0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> p.rename("x".repeat(101), T0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("between 1 and 100");
  }

  @Test
  void displayNameRejectsControlCharactersEvenWhereStripWouldDropThem() {
    Profile p = Profile.initial(id, new Email("a@b.io"), "A", T0);
    for (String bad : new String[] {"Ada\u0000", "Ada\u001f", "\u001cAda", "A\nda", "A\u009bda"}) {
      assertThatThrownBy(() -> p.rename(bad, T0))
          .as(bad)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("control characters");
      assertThatThrownBy(() -> Profile.initial(id, new Email("a@b.io"), bad, T0))
          .isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void aNewProfileHasNoAvatarAndRenamingOrMovingKeepsIt() {
    Profile p = Profile.initial(id, new Email("a@b.io"), "A", T0);
    assertThat(p.avatar()).isEmpty();
    Profile withAvatar = new Profile(id, "A", ZoneId.of("UTC"), "avatars/" + id + "/k.png", T0);
    assertThat(withAvatar.rename("B", T0).avatarKey()).isEqualTo("avatars/" + id + "/k.png");
    assertThat(withAvatar.moveTo(ZoneId.of("Asia/Tokyo"), T0).avatar())
        .contains("avatars/" + id + "/k.png");
  }

  @Test
  void avatarKeyIsBoundedAndFreeOfControlCharacters() {
    ZoneId utc = ZoneId.of("UTC");
    assertThatThrownBy(() -> new Profile(id, "A", utc, "", T0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Profile(id, "A", utc, "k".repeat(201), T0))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Profile(id, "A", utc, "avatars/a\nb", T0))
        .isInstanceOf(InvalidInputException.class);
    assertThat(new Profile(id, "A", utc, "k".repeat(200), T0).avatarKey()).hasSize(200);
  }
}
