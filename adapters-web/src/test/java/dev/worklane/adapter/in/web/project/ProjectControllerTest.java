package dev.worklane.adapter.in.web.project;

import static dev.worklane.adapter.in.web.WebSlice.deprecatedV1;
import static dev.worklane.adapter.in.web.WebSlice.problem;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
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
import dev.worklane.application.port.in.project.ProjectDetails;
import dev.worklane.application.port.in.project.ProjectUseCase;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.project.ProjectSummary;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.user.Role;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebSlice.Context
class ProjectControllerTest extends WebSlice {
  @Autowired ProjectUseCase useCase;

  final Actor manager = WebSlice.actor(Role.MANAGER);
  final Project project =
      Project.create(
          ProjectId.random(),
          new ProjectKey("WL"),
          "Worklane",
          null,
          manager.userId(),
          WebSlice.NOW);
  final ProjectDetails details = new ProjectDetails(project, new ProjectSummary(1, 2, 3));

  MockHttpServletRequestBuilder authed(MockHttpServletRequestBuilder request) {
    return request.with(bearer(manager));
  }

  MockHttpServletRequestBuilder send(MockHttpServletRequestBuilder request, String body) {
    return json(authed(request), body);
  }

  @Test
  void createAnswers201WithALocationInTheCallersVersion() throws Exception {
    given(useCase.create(eq(manager), any())).willReturn(details);

    mvc.perform(send(post("/api/v2/projects"), "{\"key\":\"WL\",\"name\":\"Worklane\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v2/projects/" + project.id()))
        .andExpect(jsonPath("$.data.key", is("WL")))
        .andExpect(jsonPath("$.data.summary.total", is(6)));
    mvc.perform(send(post("/api/v1/projects"), "{\"key\":\"WL\",\"name\":\"Worklane\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/projects/" + project.id()))
        .andExpect(deprecatedV1("/api/v2/projects"));
  }

  @Test
  void anInvalidKeyIsA400NamingTheField() throws Exception {
    mvc.perform(send(post("/api/v2/projects"), "{\"key\":\"wl\",\"name\":\"Worklane\"}"))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("key")));
    verifyNoInteractions(useCase);
  }

  @Test
  void v1ListsInOffsetPagesAndV2InCursorPages() throws Exception {
    given(useCase.list(eq(manager), any(), any(PageRequest.class)))
        .willReturn(new Page<>(List.of(project), 2, 10, 11));
    given(useCase.list(eq(manager), any(), any(CursorRequest.class)))
        .willReturn(new CursorPage<>(List.of(project), 10, null));

    mvc.perform(authed(get("/api/v1/projects").param("page", "2").param("perPage", "10")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.meta.page", is(2)))
        .andExpect(jsonPath("$.meta.total", is(11)))
        .andExpect(jsonPath("$.data[0].summary").doesNotExist());
    mvc.perform(authed(get("/api/v2/projects").param("perPage", "10")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.meta.perPage", is(10)))
        .andExpect(jsonPath("$.meta.nextCursor").value(org.hamcrest.Matchers.nullValue()))
        .andExpect(jsonPath("$.meta.page").doesNotExist());
  }

  @Test
  void badPagingParametersAre400s() throws Exception {
    mvc.perform(authed(get("/api/v1/projects").param("page", "zero")))
        .andExpect(problem(400, "VALIDATION_FAILED"));
    mvc.perform(authed(get("/api/v2/projects").param("cursor", "forged")))
        .andExpect(problem(400, "INVALID_CURSOR"));
    mvc.perform(authed(get("/api/v2/projects").param("archived", "maybe")))
        .andExpect(problem(400, "INVALID_PARAMETER"))
        .andExpect(jsonPath("$.errors[0].field", is("archived")));
    verifyNoInteractions(useCase);
  }

  @Test
  void getUpdateAndArchiveServeBothVersions() throws Exception {
    given(useCase.get(manager, project.id())).willReturn(details);
    given(useCase.update(eq(manager), eq(project.id()), any())).willReturn(details);

    mvc.perform(authed(get("/api/v2/projects/{id}", project.id().value())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data.summary.inProgress", is(2)));
    mvc.perform(send(patch("/api/v1/projects/{id}", project.id().value()), "{\"name\":\"New\"}"))
        .andExpect(status().isOk())
        .andExpect(deprecatedV1("/api/v2/projects/" + project.id()));
    mvc.perform(authed(delete("/api/v2/projects/{id}", project.id().value())))
        .andExpect(status().isNoContent());
    then(useCase).should().archive(manager, project.id());
  }

  @Test
  void domainFailuresBecomeTheirProblems() throws Exception {
    given(useCase.get(any(), any())).willThrow(new NotFoundException("project"));
    given(useCase.create(any(), any())).willThrow(new ForbiddenException("project:create"));
    given(useCase.update(any(), any(), any()))
        .willThrow(new ConflictException("PROJECT_ARCHIVED", "The project is archived"));

    mvc.perform(authed(get("/api/v2/projects/{id}", project.id().value())))
        .andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(send(post("/api/v2/projects"), "{\"key\":\"WL\",\"name\":\"W\"}"))
        .andExpect(problem(403, "FORBIDDEN"));
    mvc.perform(send(patch("/api/v2/projects/{id}", project.id().value()), "{\"name\":\"N\"}"))
        .andExpect(problem(409, "PROJECT_ARCHIVED"));
  }

  @Test
  void unsupportedMediaTypesAndMethodsKeepTheirStatusAsProblems() throws Exception {
    mvc.perform(
            authed(post("/api/v2/projects")).contentType(MediaType.TEXT_PLAIN).content("key=WL"))
        .andExpect(problem(415, "UNSUPPORTED_MEDIA_TYPE"));
    mvc.perform(
            authed(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                    "/api/v2/projects")))
        .andExpect(problem(405, "METHOD_NOT_ALLOWED"));
  }

  @Test
  void unsupportedVersionsAre404Problems() throws Exception {
    mvc.perform(authed(get("/api/v3/projects"))).andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(authed(get("/api/v1.5/projects"))).andExpect(problem(404, "NOT_FOUND"));
    verifyNoInteractions(useCase);
  }
}
