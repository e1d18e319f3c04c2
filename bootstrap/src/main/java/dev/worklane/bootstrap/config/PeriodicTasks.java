package dev.worklane.bootstrap.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The core's recovery loops (relays, purges), run on one background thread while the application
 * runs. Each feature's wiring declares its own {@link PeriodicTask} beans; this runs them all. A
 * failing run is logged once per failure streak and retried at the next tick: these loops exist
 * precisely for the times when PostgreSQL or Redis is failing.
 */
public final class PeriodicTasks implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTasks.class);

  private final List<Task> tasks = new ArrayList<>();
  private ScheduledExecutorService executor;

  public PeriodicTasks(List<PeriodicTask> periodicTasks) {
    periodicTasks.forEach(t -> tasks.add(new Task(t.name(), t.interval(), t.work())));
  }

  @Override
  public synchronized void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "worklane-periodic");
              thread.setDaemon(true);
              return thread;
            });
    for (Task task : tasks) {
      executor.scheduleWithFixedDelay(
          task::runOnce, task.interval.toMillis(), task.interval.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return executor != null;
  }

  private static final class Task {
    private final String name;
    private final Duration interval;
    private final Runnable work;
    private boolean failing;

    Task(String name, Duration interval, Runnable work) {
      this.name = name;
      this.interval = interval;
      this.work = work;
    }

    void runOnce() {
      try {
        work.run();
        if (failing) {
          failing = false;
          LOG.info("periodic_task_recovered task={}", name);
        }
      } catch (RuntimeException e) {
        if (!failing) {
          failing = true;
          LOG.warn("periodic_task_failed task={} error={}", name, e.getClass().getSimpleName());
        }
      }
    }
  }
}
