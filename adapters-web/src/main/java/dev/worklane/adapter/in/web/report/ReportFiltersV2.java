package dev.worklane.adapter.in.web.report;

import dev.worklane.adapter.in.web.task.TaskStatusV2;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** The task list's filters in v2 spelling ({@code todo}, {@code in-progress}, {@code done}). */
@Schema(name = "ReportFilters", description = "Which tasks the report lists; absent or null: any")
@NullMarked
public record ReportFiltersV2(@Nullable TaskStatusV2 status, @Nullable UUID assigneeId) {}
