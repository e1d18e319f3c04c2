package dev.worklane.adapter.in.web.admin;

import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.adapter.in.web.support.PageParameters;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.queue.QueueAdministrationUseCase;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.queue.JobList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queue dashboard's JSON API, under {@code /admin/queues/api/}. The security chain admits admin
 * browser sessions only and checks CSRF on unsafe methods; the use case checks {@code queue:admin}
 * again. Actions on one job or queue answer 204; bulk actions say how many jobs they touched.
 */
@RestController
@RequestMapping(
    path = ApiPaths.ADMIN_QUEUES_API + "/queues",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class QueueAdminController {
  private static final String JOB = "/{queue}/jobs/{jobId}";

  private final QueueAdministrationUseCase queues;
  private final Envelopes envelopes;

  public QueueAdminController(QueueAdministrationUseCase queues, Envelopes envelopes) {
    this.queues = queues;
    this.envelopes = envelopes;
  }

  @GetMapping
  ApiResponse<List<QueueResponse>> queues(Actor actor) {
    return envelopes.of(
        queues.queues(actor).stream().map(QueueAdminWebMapper::toResponse).toList());
  }

  /** One page of a queue's jobs in one state: {@code ?state=failed&page=1&perPage=20}. */
  @GetMapping("/{queue}/jobs")
  ApiResponse<List<JobSummaryResponse>> jobs(
      Actor actor,
      @PathVariable String queue,
      @RequestParam(name = AdminParameters.STATE, required = false) String state,
      @RequestParam(name = PageParameters.PAGE, required = false) String page,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage) {
    JobList list =
        queues.jobs(
            actor, queue, AdminParameters.state(state), PageParameters.offset(page, perPage));
    return envelopes.page(
        new Page<>(list.jobs(), list.page(), list.perPage(), list.total())
            .map(QueueAdminWebMapper::toResponse));
  }

  @GetMapping(JOB)
  ApiResponse<JobDetailsResponse> job(
      Actor actor, @PathVariable String queue, @PathVariable String jobId) {
    return envelopes.of(
        QueueAdminWebMapper.toResponse(queues.job(actor, queue, AdminParameters.jobId(jobId))));
  }

  /** A failed job back to waiting with fresh attempts; 409 JOB_STATE_CONFLICT otherwise. */
  @PostMapping(JOB + "/retry")
  ResponseEntity<Void> retry(Actor actor, @PathVariable String queue, @PathVariable String jobId) {
    queues.retry(actor, queue, AdminParameters.jobId(jobId));
    return ResponseEntity.noContent().build();
  }

  /** A delayed job runnable now; 409 JOB_STATE_CONFLICT otherwise. */
  @PostMapping(JOB + "/promote")
  ResponseEntity<Void> promote(
      Actor actor, @PathVariable String queue, @PathVariable String jobId) {
    queues.promote(actor, queue, AdminParameters.jobId(jobId));
    return ResponseEntity.noContent().build();
  }

  /** Deletes a job that is not active; 409 JOB_STATE_CONFLICT for an active one. */
  @DeleteMapping(JOB)
  ResponseEntity<Void> remove(Actor actor, @PathVariable String queue, @PathVariable String jobId) {
    queues.remove(actor, queue, AdminParameters.jobId(jobId));
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{queue}/retry-failed")
  ApiResponse<CountResponse> retryFailed(Actor actor, @PathVariable String queue) {
    return envelopes.of(new CountResponse(queues.retryAllFailed(actor, queue)));
  }

  @PostMapping("/{queue}/pause")
  ResponseEntity<Void> pause(Actor actor, @PathVariable String queue) {
    queues.pause(actor, queue);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{queue}/resume")
  ResponseEntity<Void> resume(Actor actor, @PathVariable String queue) {
    queues.resume(actor, queue);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{queue}/clean-completed")
  ApiResponse<CountResponse> cleanCompleted(Actor actor, @PathVariable String queue) {
    return envelopes.of(new CountResponse(queues.cleanCompleted(actor, queue)));
  }
}
