package dev.worklane.adapter.in.web.v1.project;

import dev.worklane.application.port.in.Change;

/** {@code PATCH /projects/{id}}: absent fields stay; {@code "description": null} clears it. */
public record UpdateProjectRequest(Change<String> name, Change<String> description) {}
