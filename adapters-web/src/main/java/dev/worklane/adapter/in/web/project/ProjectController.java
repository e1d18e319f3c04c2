package dev.worklane.adapter.in.web.project;

import dev.worklane.adapter.in.web.openapi.Problems;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.ApiVersioning;
import dev.worklane.adapter.in.web.support.CursorCodec;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.adapter.in.web.support.PageParameters;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.project.CreateProjectCommand;
import dev.worklane.application.port.in.project.ProjectDetails;
import dev.worklane.application.port.in.project.ProjectListQuery;
import dev.worklane.application.port.in.project.ProjectUseCase;
import dev.worklane.application.port.in.project.UpdateProjectCommand;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.accept.SemanticApiVersionParser.Version;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Projects: managers create, members read, owners and managers change and archive. Both versions
 * alike, but for the list: offset pages in v1, cursor pages in v2.
 */
@RestController
@RequestMapping(
    path = ApiPaths.VERSIONED + ApiPaths.PROJECTS,
    produces = MediaType.APPLICATION_JSON_VALUE)
public class ProjectController {
  private final ProjectUseCase projects;
  private final ProjectWebMapper mapper;
  private final Envelopes envelopes;
  private final CursorCodec cursors;

  public ProjectController(
      ProjectUseCase projects, ProjectWebMapper mapper, Envelopes envelopes, CursorCodec cursors) {
    this.projects = projects;
    this.mapper = mapper;
    this.envelopes = envelopes;
    this.cursors = cursors;
  }

  /** 201 with {@code Location}; the caller becomes the project's owner. */
  @Problems(HttpStatus.CONFLICT)
  @PostMapping(version = ApiVersioning.V1_AND_LATER, consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED) // as the ResponseEntity says; springdoc reads only this
  ResponseEntity<ApiResponse<ProjectResponse>> create(
      Actor actor, Version version, @RequestBody CreateProjectRequest body) {
    ProjectDetails created =
        projects.create(
            actor,
            new CreateProjectCommand(
                body.key() == null ? null : new ProjectKey(body.key()),
                body.name(),
                body.description()));
    return ResponseEntity.created(
            URI.create(
                ApiPaths.root(version.getMajor())
                    + ApiPaths.PROJECTS
                    + "/"
                    + created.project().id()))
        .body(envelopes.of(mapper.toResponse(created)));
  }

  /** The caller's projects (every project for an admin), oldest first; offset pages. */
  @GetMapping(version = ApiVersioning.V1)
  ApiResponse<List<ProjectResponse>> list(
      Actor actor,
      @RequestParam(defaultValue = "false") boolean archived,
      @RequestParam(name = PageParameters.PAGE, required = false) String page,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage) {
    return envelopes.page(
        projects
            .list(actor, new ProjectListQuery(archived), PageParameters.offset(page, perPage))
            .map(mapper::toResponse));
  }

  /** As in v1, in cursor pages. */
  @GetMapping(version = ApiVersioning.V2)
  ApiResponse<List<ProjectResponse>> listCursor(
      Actor actor,
      @RequestParam(defaultValue = "false") boolean archived,
      @RequestParam(name = PageParameters.CURSOR, required = false) String cursor,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage) {
    String list = CursorCodec.projectList();
    CursorRequest request = cursors.request(cursor, perPage, list);
    CursorPage<Project> page = projects.list(actor, new ProjectListQuery(archived), request);
    return envelopes.cursorPage(
        page.items().stream().map(mapper::toResponse).toList(),
        page.perPage(),
        cursors.next(page, list));
  }

  /** With its summary: task counts by status. */
  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(path = "/{id}", version = ApiVersioning.V1_AND_LATER)
  ApiResponse<ProjectResponse> get(Actor actor, @PathVariable UUID id) {
    return envelopes.of(mapper.toResponse(projects.get(actor, new ProjectId(id))));
  }

  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PatchMapping(
      path = "/{id}",
      version = ApiVersioning.V1_AND_LATER,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ApiResponse<ProjectResponse> update(
      Actor actor, @PathVariable UUID id, @RequestBody UpdateProjectRequest body) {
    var command = new UpdateProjectCommand(body.name(), body.description());
    return envelopes.of(mapper.toResponse(projects.update(actor, new ProjectId(id), command)));
  }

  /** Archives (204): read-only from now on and hidden from lists unless {@code ?archived=true}. */
  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @DeleteMapping(path = "/{id}", version = ApiVersioning.V1_AND_LATER)
  ResponseEntity<Void> archive(Actor actor, @PathVariable UUID id) {
    projects.archive(actor, new ProjectId(id));
    return ResponseEntity.noContent().build();
  }
}
