package dev.worklane.application.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The handlers by job type; the worker runs a job of an unknown type as a permanent failure. */
public final class JobHandlers {
  private final Map<String, JobHandler> byType;

  public JobHandlers(List<JobHandler> handlers) {
    this.byType =
        handlers.stream()
            .collect(Collectors.toUnmodifiableMap(JobHandler::type, Function.identity()));
  }

  public Optional<JobHandler> forType(String type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** Runs the job with its handler; an unknown type is a {@link PermanentJobFailure}. */
  public void run(Job job) throws Exception {
    JobHandler handler =
        forType(job.type())
            .orElseThrow(() -> new PermanentJobFailure("no handler for job type " + job.type()));
    handler.handle(job);
  }
}
