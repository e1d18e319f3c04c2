package dev.worklane.bootstrap.config;

import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.auth.RevocationService;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.application.service.user.MyAccountService;
import dev.worklane.application.service.user.UserAdministrationService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One's own account ({@code /users/me}) and the administration of users. */
@Configuration(proxyBeanMethods = false)
public class UserWiring {

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
