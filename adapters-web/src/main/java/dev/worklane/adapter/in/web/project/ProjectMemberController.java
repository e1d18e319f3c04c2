package dev.worklane.adapter.in.web.project;

import dev.worklane.adapter.in.web.openapi.Problems;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.ApiVersioning;
import dev.worklane.adapter.in.web.support.CursorCodec;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.adapter.in.web.support.PageParameters;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.project.AddMemberCommand;
import dev.worklane.application.port.in.project.MemberView;
import dev.worklane.application.port.in.project.ProjectMembersUseCase;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.user.UserId;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Members of a project: whoever sees the project lists them (offset pages in v1, cursor pages in
 * v2); owners and managers change them.
 */
@RestController
@RequestMapping(
    path = ApiPaths.VERSIONED + ApiPaths.PROJECTS + "/{projectId}/members",
    produces = MediaType.APPLICATION_JSON_VALUE)
public class ProjectMemberController {
  private final ProjectMembersUseCase members;
  private final ProjectWebMapper mapper;
  private final Envelopes envelopes;
  private final CursorCodec cursors;

  public ProjectMemberController(
      ProjectMembersUseCase members,
      ProjectWebMapper mapper,
      Envelopes envelopes,
      CursorCodec cursors) {
    this.members = members;
    this.mapper = mapper;
    this.envelopes = envelopes;
    this.cursors = cursors;
  }

  /** Longest-standing first; offset pages. */
  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(version = ApiVersioning.V1)
  ApiResponse<List<MemberResponse>> list(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(name = PageParameters.PAGE, required = false) String page,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage) {
    return envelopes.page(
        members
            .list(actor, new ProjectId(projectId), PageParameters.offset(page, perPage))
            .map(mapper::toResponse));
  }

  /** As in v1, in cursor pages. */
  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(version = ApiVersioning.V2)
  ApiResponse<List<MemberResponse>> listCursor(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(name = PageParameters.CURSOR, required = false) String cursor,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage) {
    ProjectId project = new ProjectId(projectId);
    String list = CursorCodec.memberList(project);
    CursorPage<MemberView> page =
        members.list(actor, project, cursors.request(cursor, perPage, list));
    return envelopes.cursorPage(
        page.items().stream().map(mapper::toResponse).toList(),
        page.perPage(),
        cursors.next(page, list));
  }

  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PostMapping(version = ApiVersioning.V1_AND_LATER, consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED) // as the ResponseEntity says; springdoc reads only this
  ResponseEntity<ApiResponse<MemberResponse>> add(
      Actor actor, @PathVariable UUID projectId, @RequestBody AddMemberRequest body) {
    MemberView added =
        members.add(
            actor,
            new ProjectId(projectId),
            new AddMemberCommand(
                body.userId() == null ? null : new UserId(body.userId()), body.role()));
    return ResponseEntity.status(HttpStatus.CREATED).body(envelopes.of(mapper.toResponse(added)));
  }

  /** 204; the member's tasks in the project lose their assignee. The last owner stays (409). */
  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @DeleteMapping(path = "/{userId}", version = ApiVersioning.V1_AND_LATER)
  ResponseEntity<Void> remove(
      Actor actor, @PathVariable UUID projectId, @PathVariable UUID userId) {
    members.remove(actor, new ProjectId(projectId), new UserId(userId));
    return ResponseEntity.noContent().build();
  }
}
