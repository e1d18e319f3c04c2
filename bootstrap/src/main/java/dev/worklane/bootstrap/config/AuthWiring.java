package dev.worklane.bootstrap.config;

import dev.worklane.application.job.JobHandler;
import dev.worklane.application.job.SecretEmails;
import dev.worklane.application.port.out.AccessTokenIssuer;
import dev.worklane.application.port.out.AuthenticationMetrics;
import dev.worklane.application.port.out.Mailer;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.PasswordResetTokenRepository;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.RateLimiter;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.RevocationLedger;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.auth.AuthSettings;
import dev.worklane.application.service.auth.AuthenticationService;
import dev.worklane.application.service.auth.LoginThrottle;
import dev.worklane.application.service.auth.PasswordResetService;
import dev.worklane.application.service.auth.RegisterUserService;
import dev.worklane.application.service.auth.RevocationService;
import dev.worklane.application.service.job.Jobs;
import dev.worklane.application.service.support.CachedWrites;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registration, login and tokens, revocation, password reset. */
@Configuration(proxyBeanMethods = false)
public class AuthWiring {

  @Bean
  AuthSettings authSettings(WorklaneProperties properties) {
    return new AuthSettings(properties.jwt().accessTokenTtl(), properties.jwt().refreshTokenTtl());
  }

  @Bean
  RevocationService revocationService(
      RevocationLedger ledger,
      TokenRevocations replica,
      Transactions transactions,
      WorklaneProperties properties,
      Clock clock) {
    return new RevocationService(
        ledger, replica, transactions, properties.redis().revocationRetention(), clock);
  }

  /** Replays revocations Redis missed (outage, restart). */
  @Bean
  PeriodicTask revocationRelay(RevocationService revocations) {
    return new PeriodicTask("revocation-relay", Duration.ofSeconds(1), revocations::relay);
  }

  @Bean
  PeriodicTask revocationPurge(RevocationService revocations) {
    return new PeriodicTask("revocation-purge", Duration.ofHours(1), revocations::purge);
  }

  @Bean
  RegisterUserService registerUserService(
      UserRepository users,
      ProfileRepository profiles,
      PasswordHasher hasher,
      Transactions transactions,
      Jobs jobs,
      Clock clock) {
    return new RegisterUserService(users, profiles, hasher, transactions, jobs, clock);
  }

  @Bean
  AuthenticationService authenticationService(
      UserRepository users,
      RefreshTokenRepository refreshTokens,
      PasswordHasher hasher,
      AccessTokenIssuer accessTokens,
      Transactions transactions,
      AuthSettings settings,
      Clock clock,
      AuthenticationMetrics metrics,
      RevocationService revocations,
      LoginThrottle loginThrottle) {
    return new AuthenticationService(
        users,
        refreshTokens,
        hasher,
        accessTokens,
        transactions,
        settings,
        clock,
        metrics,
        revocations,
        loginThrottle);
  }

  /** Failed logins per account and client; off with the other rate limits. */
  @Bean
  LoginThrottle loginThrottle(
      WorklaneProperties properties, RateLimiter limiter, AuthenticationMetrics metrics) {
    return properties.rateLimit().enabled()
        ? new LoginThrottle(limiter, metrics)
        : LoginThrottle.off();
  }

  @Bean
  PasswordResetService passwordResetService(
      UserRepository users,
      PasswordResetTokenRepository resetTokens,
      RefreshTokenRepository refreshTokens,
      RevocationService revocations,
      PasswordHasher hasher,
      RateLimiter limiter,
      Jobs jobs,
      Transactions transactions,
      CachedWrites cachedWrites,
      WorklaneProperties properties,
      Clock clock) {
    return new PasswordResetService(
        users,
        resetTokens,
        refreshTokens,
        revocations,
        hasher,
        properties.rateLimit().enabled() ? limiter : RateLimiter.unlimited(),
        jobs,
        transactions,
        cachedWrites,
        clock);
  }

  /** Looks up the address of a reset request and sends the email, off the request path. */
  @Bean
  JobHandler passwordResetRequestHandler(
      PasswordResetService passwordResetService, Mailer mailer, WorklaneProperties properties) {
    return passwordResetService.requestHandler(new SecretEmails(mailer, properties.publicUrl()));
  }

  /** Deletes reset tokens that expired more than a day ago. */
  @Bean
  PeriodicTask passwordResetPurge(PasswordResetTokenRepository resetTokens, Clock clock) {
    return new PeriodicTask(
        "password-reset-purge",
        Duration.ofHours(1),
        () -> resetTokens.purgeExpired(clock.instant().minus(Duration.ofDays(1))));
  }
}
