package dev.worklane.bootstrap.config;

import dev.worklane.application.job.JobHandler;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.job.SecretEmails;
import dev.worklane.application.job.SendEmailHandler;
import dev.worklane.application.port.out.AccessTokenIssuer;
import dev.worklane.application.port.out.AuthenticationMetrics;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.JobBroker;
import dev.worklane.application.port.out.JobOutbox;
import dev.worklane.application.port.out.JobQueue;
import dev.worklane.application.port.out.Mailer;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.PasswordResetTokenRepository;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.QueueControl;
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
import dev.worklane.application.service.auth.PasswordResetService;
import dev.worklane.application.service.auth.RegisterUserService;
import dev.worklane.application.service.auth.RevocationService;
import dev.worklane.application.service.job.JobRelay;
import dev.worklane.application.service.job.Jobs;
import dev.worklane.application.service.job.QueueAdministrationService;
import dev.worklane.application.service.project.ProjectService;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.application.service.task.TaskService;
import dev.worklane.application.service.user.MyAccountService;
import dev.worklane.application.service.user.UserAdministrationService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

  /**
   * Replays revocations Redis missed (outage, restart) and purges the expired ones; relays jobs the
   * after-commit nudge could not (crash, Redis outage); purges expired reset tokens.
   */
  @Bean
  PeriodicTasks periodicTasks(
      RevocationService revocations,
      JobRelay jobRelay,
      PasswordResetTokenRepository resetTokens,
      WorklaneProperties properties,
      Clock clock) {
    return new PeriodicTasks()
        .every(Duration.ofSeconds(1), "revocation-relay", revocations::relay)
        .every(Duration.ofHours(1), "revocation-purge", revocations::purge)
        .every(properties.queue().outboxPoll(), "job-relay", jobRelay::relayQuietly)
        .every(
            Duration.ofHours(1),
            "password-reset-purge",
            () -> resetTokens.purgeExpired(clock.instant().minus(Duration.ofDays(1))));
  }

  /** One thread moves committed jobs to Redis, so a request never waits for the relay. */
  @Bean(destroyMethod = "shutdown")
  ExecutorService jobRelayExecutor() {
    return Executors.newSingleThreadExecutor(
        runnable -> {
          Thread thread = new Thread(runnable, "worklane-job-relay");
          thread.setDaemon(true);
          return thread;
        });
  }

  @Bean
  JobRelay jobRelay(
      JobOutbox outbox,
      JobBroker broker,
      Transactions transactions,
      ExecutorService jobRelayExecutor) {
    return new JobRelay(outbox, broker, transactions, jobRelayExecutor);
  }

  /** Jobs committed but not yet in Redis: grows while Redis is down, drains when it is back. */
  @Bean
  MeterBinder outboxMeters(JobRelay jobRelay) {
    return registry ->
        Gauge.builder("worklane.queue.outbox.pending", jobRelay, JobRelay::pending)
            .description("jobs committed to the outbox and not yet relayed to Redis")
            .register(registry);
  }

  @Bean
  Jobs jobs(JobQueue queue, Transactions transactions, JobRelay jobRelay) {
    return new Jobs(queue, transactions, jobRelay);
  }

  /** Every {@link JobHandler} bean, by job type; the engine's workers run them. */
  @Bean
  JobHandlers jobHandlers(List<JobHandler> handlers) {
    return new JobHandlers(handlers);
  }

  @Bean
  SendEmailHandler sendEmailHandler(Mailer mailer, WorklaneProperties properties) {
    return new SendEmailHandler(mailer, properties.publicUrl());
  }

  /** Looks up the address of a reset request and sends the email, off the request path. */
  @Bean
  JobHandler passwordResetRequestHandler(
      PasswordResetService passwordResetService, Mailer mailer, WorklaneProperties properties) {
    return passwordResetService.requestHandler(new SecretEmails(mailer, properties.publicUrl()));
  }

  @Bean
  QueueAdministrationService queueAdministrationService(QueueControl control) {
    return new QueueAdministrationService(control);
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
  PasswordResetService passwordResetService(
      UserRepository users,
      PasswordResetTokenRepository resetTokens,
      RefreshTokenRepository refreshTokens,
      RevocationService revocations,
      PasswordHasher hasher,
      RateLimiter limiter,
      Jobs jobs,
      Transactions transactions,
      Cache cache,
      WorklaneProperties properties,
      Clock clock) {
    return new PasswordResetService(
        users,
        resetTokens,
        refreshTokens,
        revocations,
        hasher,
        properties.rateLimit().enabled() ? limiter : null,
        jobs,
        transactions,
        new CachedWrites(cache, transactions),
        clock);
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
