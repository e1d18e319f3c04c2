package dev.worklane.bootstrap.config;

import dev.worklane.application.port.out.AccessTokenIssuer;
import dev.worklane.application.port.out.AuthenticationMetrics;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.RateLimiter;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.RevocationLedger;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.auth.AuthSettings;
import dev.worklane.application.service.auth.AuthenticationService;
import dev.worklane.application.service.auth.LoginThrottle;
import dev.worklane.application.service.auth.RegisterUserService;
import dev.worklane.application.service.auth.RevocationService;
import dev.worklane.application.service.project.ProjectService;
import dev.worklane.application.service.task.TaskService;
import dev.worklane.application.service.user.MyAccountService;
import dev.worklane.application.service.user.UserAdministrationService;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The core's use cases are plain classes (STYLE 2): they are created here and nowhere else. */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

  /**
   * Microsecond ticks: PostgreSQL keeps timestamps to the microsecond, so an instant taken with
   * nanoseconds would be answered by a write and then differ from what a later read returns.
   */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

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

  /** Replays revocations Redis missed (outage, restart) and purges the expired ones. */
  @Bean
  PeriodicTasks periodicTasks(RevocationService revocations) {
    return new PeriodicTasks()
        .every(Duration.ofSeconds(1), "revocation-relay", revocations::relay)
        .every(Duration.ofHours(1), "revocation-purge", revocations::purge);
  }

  @Bean
  RegisterUserService registerUserService(
      UserRepository users,
      ProfileRepository profiles,
      PasswordHasher hasher,
      Transactions transactions,
      Clock clock) {
    return new RegisterUserService(users, profiles, hasher, transactions, clock);
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
  MyAccountService myAccountService(
      UserRepository users,
      ProfileRepository profiles,
      Transactions transactions,
      Cache cache,
      PasswordHasher hasher,
      RefreshTokenRepository refreshTokens,
      RevocationService revocations,
      Clock clock) {
    return new MyAccountService(
        users, profiles, transactions, cache, hasher, refreshTokens, revocations, clock);
  }

  @Bean
  UserAdministrationService userAdministrationService(
      UserRepository users,
      ProfileRepository profiles,
      RefreshTokenRepository refreshTokens,
      Transactions transactions,
      Cache cache,
      RevocationService revocations,
      Clock clock) {
    return new UserAdministrationService(
        users, profiles, refreshTokens, transactions, cache, revocations, clock);
  }

  @Bean
  ProjectService projectService(
      ProjectRepository projects,
      TaskRepository tasks,
      UserRepository users,
      ProfileRepository profiles,
      Transactions transactions,
      Cache cache,
      Clock clock) {
    return new ProjectService(projects, tasks, users, profiles, transactions, cache, clock);
  }

  @Bean
  TaskService taskService(
      TaskRepository tasks,
      ProjectRepository projects,
      ProfileRepository profiles,
      Transactions transactions,
      Cache cache,
      Clock clock) {
    return new TaskService(tasks, projects, profiles, transactions, cache, clock);
  }
}
