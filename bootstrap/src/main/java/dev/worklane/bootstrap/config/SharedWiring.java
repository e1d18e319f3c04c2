package dev.worklane.bootstrap.config;

import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.service.support.CachedWrites;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What every feature's wiring shares: the clock, the cache rule for writes, and the one thread that
 * runs every feature's {@link PeriodicTask}. Use cases are plain classes created by {@code @Bean}
 * methods, one configuration per feature ({@code AuthWiring}, {@code UserWiring}, {@code
 * ProjectWiring}, {@code TaskWiring}, {@code JobWiring}, {@code MailWiring}, {@code
 * StorageWiring}).
 */
@Configuration(proxyBeanMethods = false)
public class SharedWiring {

  /**
   * Microsecond ticks: PostgreSQL keeps timestamps to the microsecond, so an instant taken with
   * nanoseconds would be answered by a write and then differ from what a later read returns.
   */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  @Bean
  CachedWrites cachedWrites(Cache cache, Transactions transactions) {
    return new CachedWrites(cache, transactions);
  }

  @Bean
  PeriodicTasks periodicTasks(List<PeriodicTask> tasks) {
    return new PeriodicTasks(tasks);
  }
}
