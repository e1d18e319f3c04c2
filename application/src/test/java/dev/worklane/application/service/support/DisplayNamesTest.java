package dev.worklane.application.service.support;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class DisplayNamesTest {
  @Mock ProfileRepository profiles;
  @Mock Cache cache;

  @Test
  void cachedNamesAreServedAndOnlyTheMissingOnesAreReadInOneQueryAndCached() {
    UserId ada = UserId.random();
    UserId grace = UserId.random();
    UserId ghost = UserId.random();
    when(cache.get(CacheKey.displayName(ada), String.class)).thenReturn(Cache.Lookup.hit("Ada"));
    when(cache.get(CacheKey.displayName(grace), String.class)).thenReturn(Cache.Lookup.miss(4));
    when(cache.get(CacheKey.displayName(ghost), String.class)).thenReturn(Cache.Lookup.miss(0));
    when(profiles.findByUserIds(List.of(grace, ghost)))
        .thenReturn(Map.of(grace, new Profile(grace, "Grace", ZoneId.of("UTC"), T0)));

    Map<UserId, String> names =
        new DisplayNames(profiles, cache).of(List.of(ada, grace, ada, ghost));

    assertThat(names).containsOnly(Map.entry(ada, "Ada"), Map.entry(grace, "Grace"));
    verify(cache).put(CacheKey.displayName(grace), Cache.Lookup.miss(4), "Grace");
    assertThat(CacheKey.displayName(ada).toString()).isEqualTo("profiles:" + ada + ":name");
  }
}
