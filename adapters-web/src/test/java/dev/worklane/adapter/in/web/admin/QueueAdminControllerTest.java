package dev.worklane.adapter.in.web.admin;

import static dev.worklane.adapter.in.web.WebSlice.problem;
import static dev.worklane.adapter.in.web.WebSlice.session;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklane.adapter.in.web.WebSlice;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.queue.QueueAdministrationUseCase;
import dev.worklane.application.port.model.queue.JobList;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.model.queue.QueueOverview;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WebSlice.Context
class QueueAdminControllerTest extends WebSlice {
  static final String QUEUES = "/admin/queues/api/queues";

  @Autowired QueueAdministrationUseCase useCase;

  final Actor admin = WebSlice.actor(Role.ADMIN);

  @Test
  void anAdminSessionListsTheQueuesWithTheAdminPolicy() throws Exception {
    given(useCase.queues(admin))
        .willReturn(List.of(new QueueOverview("email", false, 4, Map.of(JobState.FAILED, 2L))));

    mvc.perform(get(QUEUES).with(session(admin)))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.startsWith("default-src 'none'")))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(jsonPath("$.data[0].name", is("email")))
        .andExpect(jsonPath("$.data[0].counts.failed", is(2)));
  }

  @Test
  void withoutASessionIs401AndABearerTokenIsRefusedEvenAnAdmins() throws Exception {
    mvc.perform(get(QUEUES)).andExpect(problem(401, "UNAUTHENTICATED"));
    mvc.perform(get(QUEUES).with(bearer(admin))).andExpect(problem(401, "SESSION_REQUIRED"));
    verifyNoInteractions(useCase);
  }

  @Test
  void aSessionWithoutTheAdminRoleIs403() throws Exception {
    mvc.perform(get(QUEUES).with(session(WebSlice.actor(Role.MANAGER))))
        .andExpect(problem(403, "FORBIDDEN"));
    verifyNoInteractions(useCase);
  }

  @Test
  void unsafeRequestsNeedTheCsrfToken() throws Exception {
    mvc.perform(post(QUEUES + "/email/pause").with(session(admin)))
        .andExpect(problem(403, "CSRF_REJECTED"));
    verifyNoInteractions(useCase);

    mvc.perform(post(QUEUES + "/email/pause").with(session(admin)).with(csrf()))
        .andExpect(status().isNoContent());
    then(useCase).should().pause(admin, "email");
  }

  @Test
  void jobListsCheckTheirStateAndPagingParameters() throws Exception {
    given(useCase.jobs(eq(admin), eq("email"), eq(JobState.FAILED), any()))
        .willReturn(new JobList(List.of(), 1, 20, 0));

    mvc.perform(get(QUEUES + "/email/jobs").param("state", "failed").with(session(admin)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.meta.total", is(0)));
    mvc.perform(get(QUEUES + "/email/jobs").param("state", "sleeping").with(session(admin)))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("state")));
    mvc.perform(get(QUEUES + "/email/jobs").with(session(admin)))
        .andExpect(problem(400, "VALIDATION_FAILED"));
  }

  @Test
  void domainFailuresBecomeTheirProblems() throws Exception {
    given(useCase.job(admin, "email", "42")).willThrow(new NotFoundException("job"));
    willThrow(new ConflictException("JOB_STATE_CONFLICT", "The job is active"))
        .given(useCase)
        .remove(admin, "email", "42");

    mvc.perform(get(QUEUES + "/email/jobs/42").with(session(admin)))
        .andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(delete(QUEUES + "/email/jobs/42").with(session(admin)).with(csrf()))
        .andExpect(problem(409, "JOB_STATE_CONFLICT"));
  }

  @Test
  void bulkActionsAnswerTheirCount() throws Exception {
    given(useCase.retryAllFailed(admin, "email")).willReturn(3L);

    mvc.perform(post(QUEUES + "/email/retry-failed").with(session(admin)).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data.count", is(3)));
  }
}
