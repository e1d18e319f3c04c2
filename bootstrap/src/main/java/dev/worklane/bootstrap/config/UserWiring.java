package dev.worklane.bootstrap.config;

import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.ContentSniffer;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.auth.RevocationService;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.application.service.user.AvatarService;
import dev.worklane.application.service.user.AvatarSweeper;
import dev.worklane.application.service.user.MyAccountService;
import dev.worklane.application.service.user.UserAdministrationService;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One's own account ({@code /users/me}, its avatar) and the administration of users. */
@Configuration(proxyBeanMethods = false)
public class UserWiring {
  /**
   * An avatar object is swept only once this old and unnamed: an upload commits within seconds of
   * storing its object, so an hour never takes one in flight; and hourly sweeps keep what a crash
   * or a failed delete left behind (a public image the user replaced or removed) short-lived.
   */
  static final Duration AVATAR_SWEEP_GRACE = Duration.ofHours(1);

  static final Duration AVATAR_SWEEP_INTERVAL = Duration.ofHours(1);

  @Bean
  MyAccountService myAccountService(
      UserRepository users,
      ProfileRepository profiles,
      CachedWrites cachedWrites,
      Cache cache,
      PasswordHasher hasher,
      RefreshTokenRepository refreshTokens,
      RevocationService revocations,
      Clock clock) {
    return new MyAccountService(
        users, profiles, cachedWrites, cache, hasher, refreshTokens, revocations, clock);
  }

  @Bean
  AvatarService avatarService(
      UserRepository users,
      ProfileRepository profiles,
      ObjectStorage storage,
      ContentSniffer sniffer,
      CachedWrites cachedWrites,
      Transactions transactions,
      Clock clock) {
    return new AvatarService(users, profiles, storage, sniffer, cachedWrites, transactions, clock);
  }

  @Bean
  AvatarSweeper avatarSweeper(ObjectStorage storage, ProfileRepository profiles, Clock clock) {
    return new AvatarSweeper(storage, profiles, AVATAR_SWEEP_GRACE, clock);
  }

  @Bean
  PeriodicTask avatarSweep(AvatarSweeper sweeper) {
    return new PeriodicTask("avatar-sweep", AVATAR_SWEEP_INTERVAL, sweeper::sweep);
  }

  @Bean
  UserAdministrationService userAdministrationService(
      UserRepository users,
      ProfileRepository profiles,
      RefreshTokenRepository refreshTokens,
      CachedWrites cachedWrites,
      RevocationService revocations,
      Clock clock) {
    return new UserAdministrationService(
        users, profiles, refreshTokens, cachedWrites, revocations, clock);
  }
}
