package dev.worklane.application.job;

/**
 * Runs the jobs of one type ({@code email.send}, {@code attachment.process}, {@code
 * report.generate}). Returning completes the job; throwing fails the attempt, which is retried with
 * backoff until the attempts are used up; {@link PermanentJobFailure} fails it at once for good.
 */
public interface JobHandler {

  /** The job type this handler runs. */
  String type();

  void handle(Job job) throws Exception;
}
