package dev.worklane.domain.project;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.user.UserId;
import java.time.Instant;

public record ProjectMember(ProjectId projectId, UserId userId, ProjectRole role, Instant addedAt) {
  public ProjectMember {
    Require.present(projectId, "projectId");
    Require.present(userId, "userId");
    Require.present(role, "role");
    Require.present(addedAt, "addedAt");
  }

  public boolean isOwner() {
    return role == ProjectRole.OWNER;
  }
}
