package dev.worklane.adapter.in.web.project;

import dev.worklane.domain.project.Project;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /projects}: key (2–10 upper-case letters), name, optional description. */
public record CreateProjectRequest(
    @Schema(pattern = "^[A-Z]{2,10}$", maxLength = 10) String key,
    @Schema(maxLength = Project.NAME_MAX) String name,
    @Schema(maxLength = Project.DESCRIPTION_MAX) String description) {}
