package dev.worklane.adapter.in.web.report;

import static dev.worklane.adapter.in.web.WebSlice.deprecatedV1;
import static dev.worklane.adapter.in.web.WebSlice.problem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklane.adapter.in.web.WebSlice;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.report.ReportUseCase;
import dev.worklane.application.port.in.report.ReportView;
import dev.worklane.application.port.in.report.RequestReportCommand;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportFilters;
import dev.worklane.domain.report.ReportFormat;
import dev.worklane.domain.report.ReportId;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.net.URI;
import java.time.Duration;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebSlice.Context
class ReportControllerTest extends WebSlice {
  @Autowired ReportUseCase useCase;

  final Actor manager = WebSlice.actor(Role.MANAGER);
  final ProjectId project = ProjectId.random();
  final UserId ada = UserId.random();
  final Report queued =
      Report.request(
          ReportId.random(),
          project,
          manager.userId(),
          ReportFormat.CSV,
          new ReportFilters(TaskStatus.IN_PROGRESS, ada),
          WebSlice.NOW,
          Duration.ofDays(7));

  MockHttpServletRequestBuilder create(String version, String body) {
    return json(
        post("/api/{version}/projects/{id}/reports", version, project.value())
            .with(bearer(manager)),
        body);
  }

  RequestReportCommand requested() {
    ArgumentCaptor<RequestReportCommand> command =
        ArgumentCaptor.forClass(RequestReportCommand.class);
    then(useCase).should().request(eq(manager), eq(project), command.capture());
    return command.getValue();
  }

  @Test
  void v1RequestAnswers202WithLocationAndTheQueuedReport() throws Exception {
    given(useCase.request(eq(manager), eq(project), any()))
        .willReturn(ReportView.withoutDownload(queued));

    mvc.perform(
            create(
                "v1",
                "{\"format\":\"CSV\",\"filters\":{\"status\":\"IN_PROGRESS\",\"assigneeId\":\""
                    + ada
                    + "\"}}"))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/v1/reports/" + queued.id()))
        .andExpect(deprecatedV1("/api/v2/projects/" + project.value() + "/reports"))
        .andExpect(jsonPath("$.data.id", is(queued.id().toString())))
        .andExpect(jsonPath("$.data.projectId", is(project.toString())))
        .andExpect(jsonPath("$.data.requestedBy", is(manager.userId().toString())))
        .andExpect(jsonPath("$.data.format", is("CSV")))
        .andExpect(jsonPath("$.data.status", is("QUEUED")))
        .andExpect(jsonPath("$.data.progress", is(0)))
        .andExpect(jsonPath("$.data.filters.status", is("IN_PROGRESS")))
        .andExpect(jsonPath("$.data.filters.assigneeId", is(ada.toString())))
        .andExpect(jsonPath("$.data.downloadUrl", nullValue()))
        .andExpect(jsonPath("$.data.error", nullValue()))
        .andExpect(jsonPath("$.data.expiresAt", is(queued.expiresAt().toString())));

    Assertions.assertThat(requested())
        .isEqualTo(
            new RequestReportCommand(
                ReportFormat.CSV, new ReportFilters(TaskStatus.IN_PROGRESS, ada)));
  }

  @Test
  void v2RequestReadsAndWritesTheV2StatusSpelling() throws Exception {
    given(useCase.request(eq(manager), eq(project), any()))
        .willReturn(ReportView.withoutDownload(queued));

    mvc.perform(create("v2", "{\"format\":\"CSV\",\"filters\":{\"status\":\"in-progress\"}}"))
        .andExpect(status().isAccepted())
        .andExpect(header().string("Location", "/api/v2/reports/" + queued.id()))
        .andExpect(header().doesNotExist("Deprecation"))
        .andExpect(jsonPath("$.data.filters.status", is("in-progress")));

    Assertions.assertThat(requested().filters())
        .isEqualTo(new ReportFilters(TaskStatus.IN_PROGRESS, null));
  }

  @Test
  void withoutFiltersTheReportListsEveryTask() throws Exception {
    given(useCase.request(eq(manager), eq(project), any()))
        .willReturn(ReportView.withoutDownload(queued));

    mvc.perform(create("v2", "{\"format\":\"CSV\"}")).andExpect(status().isAccepted());

    Assertions.assertThat(requested().filters()).isEqualTo(ReportFilters.none());
  }

  @Test
  void anUnknownOrMissingFormatAnUnknownPropertyOrTheOtherVersionsSpellingIsA400()
      throws Exception {
    mvc.perform(create("v2", "{\"format\":\"PDF\"}"))
        .andExpect(problem(400, "TYPE_MISMATCH"))
        .andExpect(jsonPath("$.errors[0].field", is("format")));
    mvc.perform(create("v2", "{\"format\":\"csv\"}")).andExpect(problem(400, "TYPE_MISMATCH"));
    mvc.perform(create("v2", "{\"filters\":{}}"))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("format")));
    mvc.perform(create("v1", "{\"format\":\"CSV\",\"columns\":[\"title\"]}"))
        .andExpect(problem(400, "UNKNOWN_PROPERTY"));
    mvc.perform(create("v1", "{\"format\":\"CSV\",\"filters\":{\"priority\":\"HIGH\"}}"))
        .andExpect(problem(400, "UNKNOWN_PROPERTY"));
    mvc.perform(create("v2", "{\"format\":\"CSV\",\"filters\":{\"status\":\"IN_PROGRESS\"}}"))
        .andExpect(problem(400, "TYPE_MISMATCH"));
    mvc.perform(create("v1", "{\"format\":\"CSV\",\"filters\":{\"assigneeId\":\"nobody\"}}"))
        .andExpect(problem(400, "TYPE_MISMATCH"));
    mvc.perform(create("v1", "")).andExpect(problem(400, "MALFORMED_BODY"));
    verifyNoInteractions(useCase);
  }

  @Test
  void whatTheUseCaseRefusesIsA403OrA404() throws Exception {
    given(useCase.request(any(), any(), any()))
        .willThrow(new ForbiddenException("report:generate"))
        .willThrow(new NotFoundException("Project"));

    mvc.perform(create("v2", "{\"format\":\"CSV\"}")).andExpect(problem(403, "FORBIDDEN"));
    mvc.perform(create("v2", "{\"format\":\"CSV\"}")).andExpect(problem(404, "NOT_FOUND"));
  }

  @Test
  void aReadyReportShowsItsSignedUrlAndCounts() throws Exception {
    Report ready =
        queued
            .start()
            .complete(
                Report.keyFor(queued.id()),
                42,
                4096,
                WebSlice.NOW.plusSeconds(5),
                Duration.ofDays(7));
    URI url = URI.create("http://localhost:8080/files/reports/x.csv?expires=1&signature=abc");
    given(useCase.get(manager, queued.id()))
        .willReturn(new ReportView(ready, url, WebSlice.NOW.plusSeconds(3600)));

    mvc.perform(get("/api/v2/reports/{id}", queued.id().value()).with(bearer(manager)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data.status", is("READY")))
        .andExpect(jsonPath("$.data.progress", is(100)))
        .andExpect(jsonPath("$.data.rowCount", is(42)))
        .andExpect(jsonPath("$.data.sizeBytes", is(4096)))
        .andExpect(jsonPath("$.data.downloadUrl", is(url.toString())))
        .andExpect(
            jsonPath("$.data.downloadUrlExpiresAt", is(WebSlice.NOW.plusSeconds(3600).toString())))
        .andExpect(jsonPath("$.data.completedAt", is(WebSlice.NOW.plusSeconds(5).toString())));
  }

  @Test
  void v1GetIsDeprecatedWithItsSuccessorAndAnUnknownReportIsA404() throws Exception {
    given(useCase.get(manager, queued.id())).willReturn(ReportView.withoutDownload(queued));
    mvc.perform(get("/api/v1/reports/{id}", queued.id().value()).with(bearer(manager)))
        .andExpect(status().isOk())
        .andExpect(deprecatedV1("/api/v2/reports/" + queued.id()))
        .andExpect(jsonPath("$.data.filters.status", is("IN_PROGRESS")));

    ReportId unknown = ReportId.random();
    given(useCase.get(manager, unknown)).willThrow(new NotFoundException("Report"));
    mvc.perform(get("/api/v2/reports/{id}", unknown.value()).with(bearer(manager)))
        .andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(get("/api/v2/reports/not-a-uuid").with(bearer(manager)))
        .andExpect(status().isBadRequest());
  }

  @Test
  void reportsNeedAuthentication() throws Exception {
    mvc.perform(get("/api/v2/reports/{id}", queued.id().value()))
        .andExpect(problem(401, "UNAUTHENTICATED"));
    verifyNoInteractions(useCase);
  }
}
