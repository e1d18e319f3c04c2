package dev.worklane.adapter.in.web.task;

import dev.worklane.application.port.in.Change;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskPriority;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code PATCH /tasks/{id}}: absent fields stay; {@code null} clears {@code description}, {@code
 * assigneeId} and {@code dueDate} (and is refused for the others).
 *
 * @param <S> the version's spelling of the status: {@code TaskStatus} in v1, {@link TaskStatusV2}
 */
@Schema(name = "UpdateTaskRequest")
public record UpdateTaskRequest<S>(
    @Schema(maxLength = Task.TITLE_MAX) Change<String> title,
    @Schema(maxLength = Task.DESCRIPTION_MAX) Change<String> description,
    Change<S> status,
    Change<TaskPriority> priority,
    Change<UUID> assigneeId,
    Change<LocalDate> dueDate) {}
