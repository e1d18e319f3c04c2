package dev.worklane.application.port.model.queue;

import java.util.List;

/** One page of a queue's jobs in one state, newest first for completed and failed. */
public record JobList(List<JobSummary> jobs, int page, int perPage, long total) {
  public JobList {
    jobs = List.copyOf(jobs);
  }
}
