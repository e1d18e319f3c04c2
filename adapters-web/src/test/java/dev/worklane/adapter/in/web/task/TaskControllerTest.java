package dev.worklane.adapter.in.web.task;

import static dev.worklane.adapter.in.web.WebSlice.deprecatedV1;
import static dev.worklane.adapter.in.web.WebSlice.problem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklane.adapter.in.web.WebSlice;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.task.Assignee;
import dev.worklane.application.port.in.task.TaskUseCase;
import dev.worklane.application.port.in.task.TaskView;
import dev.worklane.application.port.in.task.UpdateTaskCommand;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.common.VersionMismatchException;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebSlice.Context
class TaskControllerTest extends WebSlice {
  @Autowired TaskUseCase useCase;

  final Actor actor = WebSlice.actor();
  final ProjectId project = ProjectId.random();
  final UserId assignee = UserId.random();
  final Task task =
      Task.open(
              TaskId.random(),
              project,
              7,
              "Write the slice tests",
              null,
              TaskPriority.HIGH,
              assignee,
              actor.userId(),
              null,
              WebSlice.NOW)
          .moveTo(TaskStatus.IN_PROGRESS, WebSlice.NOW);
  final TaskView view = new TaskView(task, new ProjectKey("WL"), new Assignee(assignee, "Ada"));

  RequestPostProcessor auth() {
    return bearer(actor);
  }

  /** The project's task list in {@code version}, with one query parameter. */
  MockHttpServletRequestBuilder listWith(String version, String parameter, String value) {
    return get("/api/{version}/projects/{id}/tasks", version, project.value())
        .param(parameter, value)
        .with(auth());
  }

  MockHttpServletRequestBuilder send(MockHttpServletRequestBuilder request, String body) {
    return json(request.with(auth()), body);
  }

  @Test
  void v1CreateAnswers201WithLocationETagAndTheV1Representation() throws Exception {
    given(useCase.create(eq(actor), eq(project), any())).willReturn(view);

    mvc.perform(
            send(
                post("/api/v1/projects/{id}/tasks", project.value()),
                "{\"title\":\"Write the slice tests\",\"priority\":\"HIGH\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/tasks/" + task.id()))
        .andExpect(header().string("ETag", "\"" + task.version() + "\""))
        .andExpect(deprecatedV1("/api/v2/projects/" + project.value() + "/tasks"))
        .andExpect(jsonPath("$.data.key", is("WL-7")))
        .andExpect(jsonPath("$.data.status", is("IN_PROGRESS")))
        .andExpect(jsonPath("$.data.assigneeId", is(assignee.toString())))
        .andExpect(jsonPath("$.data.assignee").doesNotExist())
        .andExpect(jsonPath("$.data.description", nullValue()))
        .andExpect(jsonPath("$.meta.timestamp", is(WebSlice.NOW.toString())));
  }

  @Test
  void v2CreateEmbedsTheAssigneeSpellsStatusesLowerCaseAndIsNotDeprecated() throws Exception {
    given(useCase.create(eq(actor), eq(project), any())).willReturn(view);

    mvc.perform(send(post("/api/v2/projects/{id}/tasks", project.value()), "{\"title\":\"Write\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v2/tasks/" + task.id()))
        .andExpect(header().doesNotExist("Deprecation"))
        .andExpect(header().doesNotExist("Sunset"))
        .andExpect(jsonPath("$.data.status", is("in-progress")))
        .andExpect(jsonPath("$.data.assignee.id", is(assignee.toString())))
        .andExpect(jsonPath("$.data.assignee.displayName", is("Ada")))
        .andExpect(jsonPath("$.data.assigneeId").doesNotExist());
  }

  @Test
  void getAnswersTheTaskWithItsETag() throws Exception {
    given(useCase.get(actor, task.id())).willReturn(view);

    mvc.perform(get("/api/v1/tasks/{id}", task.id().value()).with(auth()))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"" + task.version() + "\""))
        .andExpect(deprecatedV1("/api/v2/tasks/" + task.id()))
        .andExpect(jsonPath("$.data.id", is(task.id().toString())));
  }

  @Test
  void listReadsEachVersionsStatusSpellingAndAnswersACursorPage() throws Exception {
    given(useCase.list(eq(actor), eq(project), any(), any()))
        .willReturn(new CursorPage<>(List.of(view), 20, null));

    mvc.perform(listWith("v2", "status", "in-progress"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data[0].status", is("in-progress")))
        .andExpect(jsonPath("$.meta.perPage", is(20)));
    mvc.perform(listWith("v1", "status", "IN_PROGRESS"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data[0].status", is("IN_PROGRESS")));

    then(useCase)
        .should(org.mockito.Mockito.times(2))
        .list(eq(actor), eq(project), eq(new TaskFilter(TaskStatus.IN_PROGRESS, null)), any());
  }

  @Test
  void aStatusInTheOtherVersionsSpellingIsA400() throws Exception {
    mvc.perform(listWith("v1", "status", "in-progress"))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("status")));
    mvc.perform(listWith("v2", "status", "IN_PROGRESS"))
        .andExpect(problem(400, "VALIDATION_FAILED"));
    verifyNoInteractions(useCase);
  }

  @Test
  void aCursorThatThisListDidNotIssueIsA400() throws Exception {
    mvc.perform(listWith("v2", "cursor", "not-a-cursor"))
        .andExpect(problem(400, "INVALID_CURSOR"))
        .andExpect(jsonPath("$.errors[0].field", is("cursor")));
    verifyNoInteractions(useCase);
  }

  @Test
  void patchNamesTheIfMatchVersionAndMapsV2Statuses() throws Exception {
    given(useCase.update(eq(actor), eq(task.id()), eq(3L), any())).willReturn(view);

    mvc.perform(
            send(patch("/api/v2/tasks/{id}", task.id().value()), "{\"status\":\"done\"}")
                .header("If-Match", "\"3\""))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"" + task.version() + "\""));

    ArgumentCaptor<UpdateTaskCommand> command = ArgumentCaptor.forClass(UpdateTaskCommand.class);
    then(useCase).should().update(eq(actor), eq(task.id()), eq(3L), command.capture());
    org.assertj.core.api.Assertions.assertThat(command.getValue().status().value())
        .isEqualTo(TaskStatus.DONE);
  }

  @Test
  void patchWithoutIfMatchIs428AndWithAWeakOrForeignTag412() throws Exception {
    mvc.perform(send(patch("/api/v1/tasks/{id}", task.id().value()), "{\"title\":\"x\"}"))
        .andExpect(problem(428, "PRECONDITION_REQUIRED"));
    mvc.perform(
            send(patch("/api/v1/tasks/{id}", task.id().value()), "{\"title\":\"x\"}")
                .header("If-Match", "W/\"3\""))
        .andExpect(problem(412, "PRECONDITION_FAILED"));
    mvc.perform(
            delete("/api/v2/tasks/{id}", task.id().value()).with(auth()).header("If-Match", "*"))
        .andExpect(problem(428, "PRECONDITION_REQUIRED"));
    verifyNoInteractions(useCase);
  }

  @Test
  void aStaleVersionIs412() throws Exception {
    given(useCase.update(any(), any(), anyLong(), any()))
        .willThrow(new VersionMismatchException("task"));

    mvc.perform(
            send(patch("/api/v1/tasks/{id}", task.id().value()), "{\"title\":\"x\"}")
                .header("If-Match", "\"1\""))
        .andExpect(problem(412, "PRECONDITION_FAILED"));
  }

  @Test
  void deleteServesBothVersionsWith204() throws Exception {
    mvc.perform(
            delete("/api/v2/tasks/{id}", task.id().value())
                .with(auth())
                .header("If-Match", "\"4\""))
        .andExpect(status().isNoContent());
    mvc.perform(
            delete("/api/v1/tasks/{id}", task.id().value())
                .with(auth())
                .header("If-Match", "\"5\""))
        .andExpect(status().isNoContent())
        .andExpect(deprecatedV1("/api/v2/tasks/" + task.id()));

    then(useCase).should().delete(actor, task.id(), 4);
    then(useCase).should().delete(actor, task.id(), 5);
  }

  @Test
  void unknownFieldsWrongTypesAndBrokenJsonAre400Problems() throws Exception {
    String path = "/api/v2/projects/" + project.value() + "/tasks";
    mvc.perform(send(post(path), "{\"title\":\"x\",\"owner\":\"me\"}"))
        .andExpect(problem(400, "UNKNOWN_PROPERTY"))
        .andExpect(jsonPath("$.errors[0].field", is("owner")));
    mvc.perform(send(post(path), "{\"title\":42}"))
        .andExpect(problem(400, "TYPE_MISMATCH"))
        .andExpect(jsonPath("$.errors[0].field", is("title")));
    mvc.perform(send(post(path), "{\"title\":")).andExpect(problem(400, "MALFORMED_JSON"));
    mvc.perform(send(post(path), "{\"title\":\"x\",\"title\":\"y\"}"))
        .andExpect(problem(400, "MALFORMED_JSON"));
    mvc.perform(send(post(path), "{\"title\":\"a\\u0007b\"}"))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("title")));
    verifyNoInteractions(useCase);
  }

  @Test
  void aPathIdThatIsNoUuidIsA400() throws Exception {
    mvc.perform(get("/api/v2/tasks/not-a-uuid").with(auth()))
        .andExpect(problem(400, "INVALID_PARAMETER"))
        .andExpect(jsonPath("$.errors[0].field", is("id")));
  }

  @Test
  void domainFailuresBecomeTheirProblems() throws Exception {
    given(useCase.get(any(), any()))
        .willThrow(new NotFoundException("task"))
        .willThrow(new ForbiddenException("task:write"))
        .willThrow(new ConflictException("TASK_CONFLICT", "conflict"));
    String path = "/api/v2/tasks/" + task.id();

    mvc.perform(get(path).with(auth())).andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(get(path).with(auth())).andExpect(problem(403, "FORBIDDEN"));
    mvc.perform(get(path).with(auth())).andExpect(problem(409, "TASK_CONFLICT"));
  }

  @Test
  void withoutAValidTokenTheChainAnswers401BeforeTheController() throws Exception {
    mvc.perform(get("/api/v1/tasks/{id}", task.id().value()))
        .andExpect(problem(401, "UNAUTHENTICATED"))
        .andExpect(deprecatedV1("/api/v2/tasks/" + task.id()));
    mvc.perform(
            get("/api/v2/tasks/{id}", task.id().value())
                .header("Authorization", "Bearer not.a.token"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().exists("WWW-Authenticate"));
    verifyNoInteractions(useCase);
  }

  @Test
  void anUnknownV1PathIsA404ThatStillCarriesTheDeprecation() throws Exception {
    mvc.perform(get("/api/v1/tasks/{id}/history", task.id().value()).with(auth()))
        .andExpect(problem(404, "NOT_FOUND"))
        .andExpect(deprecatedV1(null));
  }

  @Test
  void unsupportedVersionsAre404Problems() throws Exception {
    mvc.perform(get("/api/v3/tasks/{id}", task.id().value()).with(auth()))
        .andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(get("/api/v1.5/tasks/{id}", task.id().value()).with(auth()))
        .andExpect(problem(404, "NOT_FOUND"));
    verifyNoInteractions(useCase);
  }
}
