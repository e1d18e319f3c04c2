package dev.worklane.adapter.in.web.project;

import dev.worklane.domain.project.ProjectRole;
import java.util.UUID;

/** {@code POST /projects/{id}/members}: role defaults to MEMBER. */
public record AddMemberRequest(UUID userId, ProjectRole role) {}
