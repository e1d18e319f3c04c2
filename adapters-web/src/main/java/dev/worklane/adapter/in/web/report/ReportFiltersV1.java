package dev.worklane.adapter.in.web.report;

import dev.worklane.domain.task.TaskStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** The task list's filters in v1 spelling ({@code TODO}, {@code IN_PROGRESS}, {@code DONE}). */
@Schema(name = "ReportFilters", description = "Which tasks the report lists; absent or null: any")
@NullMarked
public record ReportFiltersV1(@Nullable TaskStatus status, @Nullable UUID assigneeId) {}
