package dev.worklane.adapter.in.web.project;

import dev.worklane.application.port.in.Change;
import dev.worklane.domain.project.Project;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code PATCH /projects/{id}}: absent fields stay; {@code "description": null} clears it. */
public record UpdateProjectRequest(
    @Schema(maxLength = Project.NAME_MAX) Change<String> name,
    @Schema(maxLength = Project.DESCRIPTION_MAX) Change<String> description) {}
