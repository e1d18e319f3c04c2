package dev.worklane.adapter.in.web.task;

import dev.worklane.adapter.in.web.openapi.Problems;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.ApiVersioning;
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
import dev.worklane.domain.common.InvalidInputException;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.UserId;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
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
 * Tasks: members read and write them. The version is the strong ETag; PATCH and DELETE need it in
 * {@code If-Match} ({@link IfMatch}). The two API versions differ in the representation only (v2
 * embeds the assignee and spells statuses {@code todo}, {@code in-progress}, {@code done}), so each
 * handler pair shares one body and differs in its mapper.
 */
@RestController
@RequestMapping(path = ApiPaths.VERSIONED, produces = MediaType.APPLICATION_JSON_VALUE)
public class TaskController {
  private static final String PROJECT_TASKS = ApiPaths.PROJECTS + "/{projectId}/tasks";
  private static final String TASK = ApiPaths.TASKS + "/{id}";

  private final TaskUseCase tasks;
  private final TaskWebMapper mapper;
  private final Envelopes envelopes;
  private final CursorCodec cursors;

  public TaskController(
      TaskUseCase tasks, TaskWebMapper mapper, Envelopes envelopes, CursorCodec cursors) {
    this.tasks = tasks;
    this.mapper = mapper;
    this.envelopes = envelopes;
    this.cursors = cursors;
  }

  /** 201 with {@code Location} and the new task's ETag. */
  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PostMapping(
      path = PROJECT_TASKS,
      version = ApiVersioning.V1,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED) // as the ResponseEntity says; springdoc reads only this
  ResponseEntity<ApiResponse<TaskResponseV1>> create(
      Actor actor, @PathVariable UUID projectId, @RequestBody CreateTaskRequest body) {
    return created(ApiPaths.V1, newTask(actor, projectId, body), mapper::toV1);
  }

  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PostMapping(
      path = PROJECT_TASKS,
      version = ApiVersioning.V2,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<ApiResponse<TaskResponseV2>> createV2(
      Actor actor, @PathVariable UUID projectId, @RequestBody CreateTaskRequest body) {
    return created(ApiPaths.V2, newTask(actor, projectId, body), mapper::toV2);
  }

  /** Oldest first; cursor pages, filtered by {@code status} and {@code assigneeId}. */
  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(path = PROJECT_TASKS, version = ApiVersioning.V1)
  ApiResponse<List<TaskResponseV1>> list(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(name = PageParameters.CURSOR, required = false) String cursor,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage,
      @Parameter(schema = @Schema(allowableValues = {"TODO", "IN_PROGRESS", "DONE"}))
          @RequestParam(required = false)
          String status,
      @RequestParam(required = false) UUID assigneeId) {
    TaskStatus wanted = status == null ? null : parseV1Status(status);
    return list(actor, projectId, cursor, perPage, wanted, assigneeId, mapper::toV1);
  }

  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(path = PROJECT_TASKS, version = ApiVersioning.V2)
  ApiResponse<List<TaskResponseV2>> listV2(
      Actor actor,
      @PathVariable UUID projectId,
      @RequestParam(name = PageParameters.CURSOR, required = false) String cursor,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage,
      @Parameter(schema = @Schema(allowableValues = {"todo", "in-progress", "done"}))
          @RequestParam(required = false)
          String status,
      @RequestParam(required = false) UUID assigneeId) {
    TaskStatus wanted = status == null ? null : TaskStatusV2.parse(status, "status");
    return list(actor, projectId, cursor, perPage, wanted, assigneeId, mapper::toV2);
  }

  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(path = TASK, version = ApiVersioning.V1)
  ResponseEntity<ApiResponse<TaskResponseV1>> get(Actor actor, @PathVariable UUID id) {
    return withETag(tasks.get(actor, new TaskId(id)), mapper::toV1);
  }

  @Problems(HttpStatus.NOT_FOUND)
  @GetMapping(path = TASK, version = ApiVersioning.V2)
  ResponseEntity<ApiResponse<TaskResponseV2>> getV2(Actor actor, @PathVariable UUID id) {
    return withETag(tasks.get(actor, new TaskId(id)), mapper::toV2);
  }

  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PatchMapping(
      path = TASK,
      version = ApiVersioning.V1,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ApiResponse<TaskResponseV1>> update(
      Actor actor,
      @PathVariable UUID id,
      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
      @RequestBody UpdateTaskRequest<TaskStatus> body) {
    return withETag(update(actor, id, ifMatch, body, Function.identity()), mapper::toV1);
  }

  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PatchMapping(
      path = TASK,
      version = ApiVersioning.V2,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ApiResponse<TaskResponseV2>> updateV2(
      Actor actor,
      @PathVariable UUID id,
      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch,
      @RequestBody UpdateTaskRequest<TaskStatusV2> body) {
    return withETag(update(actor, id, ifMatch, body, TaskStatusV2::domain), mapper::toV2);
  }

  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @DeleteMapping(path = TASK, version = ApiVersioning.V1_AND_LATER)
  ResponseEntity<Void> delete(
      Actor actor,
      @PathVariable UUID id,
      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
    tasks.delete(actor, new TaskId(id), IfMatch.version(ifMatch));
    return ResponseEntity.noContent().build();
  }

  private TaskView newTask(Actor actor, UUID projectId, CreateTaskRequest body) {
    var command =
        new CreateTaskCommand(
            body.title(),
            body.description(),
            body.priority(),
            body.assigneeId() == null ? null : new UserId(body.assigneeId()),
            body.dueDate());
    return tasks.create(actor, new ProjectId(projectId), command);
  }

  private <R> ApiResponse<List<R>> list(
      Actor actor,
      UUID projectId,
      String cursor,
      String perPage,
      TaskStatus status,
      UUID assigneeId,
      Function<TaskView, R> representation) {
    ProjectId project = new ProjectId(projectId);
    String list = CursorCodec.taskList(project);
    TaskFilter filter = new TaskFilter(status, assigneeId == null ? null : new UserId(assigneeId));
    CursorPage<TaskView> page =
        tasks.list(actor, project, filter, cursors.request(cursor, perPage, list));
    return envelopes.cursorPage(
        page.items().stream().map(representation).toList(),
        page.perPage(),
        cursors.next(page, list));
  }

  private <S> TaskView update(
      Actor actor,
      UUID id,
      String ifMatch,
      UpdateTaskRequest<S> body,
      Function<S, TaskStatus> status) {
    long version = IfMatch.version(ifMatch);
    var command =
        new UpdateTaskCommand(
            body.title(),
            body.description(),
            body.status() == null ? null : body.status().map(status),
            body.priority(),
            body.assigneeId() == null ? null : body.assigneeId().map(UserId::new),
            body.dueDate());
    return tasks.update(actor, new TaskId(id), version, command);
  }

  private <R> ResponseEntity<ApiResponse<R>> created(
      String root, TaskView created, Function<TaskView, R> representation) {
    return ResponseEntity.created(URI.create(root + ApiPaths.TASKS + "/" + created.task().id()))
        .eTag(IfMatch.etag(created.task().version()))
        .body(envelopes.of(representation.apply(created)));
  }

  private <R> ResponseEntity<ApiResponse<R>> withETag(
      TaskView task, Function<TaskView, R> representation) {
    return ResponseEntity.ok()
        .eTag(IfMatch.etag(task.task().version()))
        .body(envelopes.of(representation.apply(task)));
  }

  /** A {@code ?status=} query value in v1 spelling. */
  private static TaskStatus parseV1Status(String value) {
    try {
      return TaskStatus.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("status", "status must be one of TODO, IN_PROGRESS, DONE");
    }
  }
}
