package dev.worklane.bootstrap.config;

import dev.worklane.application.job.JobHandler;
import dev.worklane.application.job.JobHandlers;
import dev.worklane.application.port.out.JobBroker;
import dev.worklane.application.port.out.JobOutbox;
import dev.worklane.application.port.out.JobQueue;
import dev.worklane.application.port.out.QueueControl;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.service.job.JobRelay;
import dev.worklane.application.service.job.Jobs;
import dev.worklane.application.service.job.QueueAdministrationService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Jobs: the outbox the use cases enqueue into, the relay to the Redis engine, the handlers the
 * engine's workers run, and the queue administration. The engine itself comes with the Redis
 * adapter ({@code RedisConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class JobWiring {

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

  /** Relays jobs the after-commit nudge could not (crash, Redis outage). */
  @Bean
  PeriodicTask jobRelayPoll(JobRelay jobRelay, WorklaneProperties properties) {
    return new PeriodicTask("job-relay", properties.queue().outboxPoll(), jobRelay::relayQuietly);
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
  QueueAdministrationService queueAdministrationService(QueueControl control) {
    return new QueueAdministrationService(control);
  }
}
