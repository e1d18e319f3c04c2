package dev.worklane.adapter.in.web.v2.task;

import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.CursorCodec;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.adapter.in.web.support.IfMatch;
import dev.worklane.adapter.in.web.support.PageParameters;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.task.CreateTaskCommand;
import dev.worklane.application.port.in.task.TaskUseCase;
import dev.worklane.application.port.in.task.TaskView;
import dev.worklane.application.port.in.task.UpdateTaskCommand;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasks (v2): members read and write them. The version is the strong ETag; PATCH and DELETE need it
 * in {@code If-Match} ({@link IfMatch}).
 */
@RestController
@RequestMapping(path = ApiPaths.V2, produces = MediaType.APPLICATION_JSON_VALUE)
public class TaskV2Controller {
  private final TaskUseCase tasks;
  private final TaskV2WebMapper mapper;
  private final Envelopes envelopes;
  private final CursorCodec cursors;

  public TaskV2Controller(
      TaskUseCase tasks, TaskV2WebMapper mapper, Envelopes envelopes, CursorCodec cursors) {
    this.tasks = tasks;
    this.mapper = mapper;
    this.envelopes = envelopes;
    this.cursors = cursors;
  }

  /** 201 with {@code Location} and the new task's ETag. */
  @PostMapping(
      path = ApiPaths.PROJECTS + "/{projectId}/tasks",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED) // as the ResponseEntity says; springdoc reads only this
  ResponseEntity<ApiResponse<TaskResponse>> create(
      Actor actor, @PathVariable UUID projectId, @RequestBody CreateTaskRequest body) {
    var command =
        new CreateTaskCommand(
            body.title(),
            body.description(),
            body.priority(),
            body.assigneeId() == null ? null : new UserId(body.assigneeId()),
            body.dueDate());
    TaskView created = tasks.create(actor, new ProjectId(projectId), command);
    return ResponseEntity.created(
            URI.create(ApiPaths.V2 + ApiPaths.TASKS + "/" + created.task().id()))
        .eTag(IfMatch.etag(created.task().version()))
        .body(envelopes.of(mapper.toResponse(created)));
  }

  /** Oldest first; cursor pages, filtered by {@code status} and {@code assigneeId}. */
  @GetMapping(ApiPaths.PROJECTS + "/{projectId}/tasks")
  ApiResponse<List<TaskResponse>> list(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(name = PageParameters.CURSOR, required = false) String cursor,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage,
      @Parameter(schema = @Schema(allowableValues = {"todo", "in-progress", "done"}))
          @RequestParam(required = false)
          String status,
      @RequestParam(required = false) UUID assigneeId) {
    ProjectId project = new ProjectId(projectId);
    String list = CursorCodec.taskList(project);
    TaskFilter filter =
        new TaskFilter(
            status == null ? null : TaskStatusV2.parse(status, "status"),
            assigneeId == null ? null : new UserId(assigneeId));
    CursorPage<TaskView> page =
        tasks.list(actor, project, filter, cursors.request(cursor, perPage, list));
    return envelopes.cursorPage(
        page.items().stream().map(mapper::toResponse).toList(),
        page.perPage(),
        cursors.next(page, list));
  }

  @GetMapping(ApiPaths.TASKS + "/{id}")
  ResponseEntity<ApiResponse<TaskResponse>> get(Actor actor, @PathVariable UUID id) {
    TaskView task = tasks.get(actor, new TaskId(id));
    return ResponseEntity.ok()
        .eTag(IfMatch.etag(task.task().version()))
        .body(envelopes.of(mapper.toResponse(task)));
  }

  @PatchMapping(path = ApiPaths.TASKS + "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ApiResponse<TaskResponse>> update(
      Actor actor,
      @PathVariable UUID id,
      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
      @RequestBody UpdateTaskRequest body) {
    long version = IfMatch.version(ifMatch);
    var command =
        new UpdateTaskCommand(
            body.title(),
            body.description(),
            body.status() == null ? null : body.status().map(TaskStatusV2::domain),
            body.priority(),
            body.assigneeId() == null ? null : body.assigneeId().map(UserId::new),
            body.dueDate());
    TaskView updated = tasks.update(actor, new TaskId(id), version, command);
    return ResponseEntity.ok()
        .eTag(IfMatch.etag(updated.task().version()))
        .body(envelopes.of(mapper.toResponse(updated)));
  }

  @DeleteMapping(ApiPaths.TASKS + "/{id}")
  ResponseEntity<Void> delete(
      Actor actor,
      @PathVariable UUID id,
      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
    tasks.delete(actor, new TaskId(id), IfMatch.version(ifMatch));
    return ResponseEntity.noContent().build();
  }
}
