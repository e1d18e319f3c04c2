package dev.worklane.application.service.user;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.model.storage.StoredObjectInfo;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProfileRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class AvatarSweeperTest {
  @Mock ObjectStorage storage;
  @Mock ProfileRepository profiles;

  AvatarSweeper sweeper() {
    return new AvatarSweeper(
        storage, profiles, Duration.ofHours(1), Clock.fixed(T0.plusSeconds(7200), ZoneOffset.UTC));
  }

  @SuppressWarnings("unchecked")
  void stored(List<String> keys) {
    doAnswer(
            inv -> {
              Consumer<StoredObjectInfo> sink = inv.getArgument(2);
              keys.forEach(k -> sink.accept(new StoredObjectInfo(k, 10, T0)));
              return null;
            })
        .when(storage)
        .list(eq("avatars/"), eq(T0.plusSeconds(3600)), any());
  }

  @Test
  void removesTheAvatarsOlderThanTheGracePeriodThatNoProfileNames() {
    stored(List.of("avatars/a/1.png", "avatars/a/2.png", "avatars/b/1.jpg"));
    when(profiles.avatarKeysInUse(List.of("avatars/a/1.png", "avatars/a/2.png", "avatars/b/1.jpg")))
        .thenReturn(Set.of("avatars/a/2.png", "avatars/b/1.jpg"));

    assertThat(sweeper().sweep()).isEqualTo(1);

    verify(storage).delete("avatars/a/1.png");
    verify(storage, never()).delete("avatars/a/2.png");
    verify(storage, never()).delete("avatars/b/1.jpg");
  }

  @Test
  void asksTheProfilesInBatchesOfAHundred() {
    List<String> keys = IntStream.range(0, 250).mapToObj(i -> "avatars/u/" + i + ".png").toList();
    stored(keys);
    Set<Integer> batchSizes = new HashSet<>();
    when(profiles.avatarKeysInUse(anyCollection()))
        .thenAnswer(
            inv -> {
              batchSizes.add(inv.<Collection<String>>getArgument(0).size());
              return Set.of();
            });

    assertThat(sweeper().sweep()).isEqualTo(250);

    verify(profiles, times(3)).avatarKeysInUse(anyCollection());
    assertThat(batchSizes).containsExactlyInAnyOrder(100, 50);
    verify(storage, times(250)).delete(anyString());
  }

  @Test
  void nothingStoredAsksNothing() {
    stored(List.of());

    assertThat(sweeper().sweep()).isZero();

    verify(profiles, never()).avatarKeysInUse(anyCollection());
    verify(storage, never()).delete(anyString());
  }
}
