package dev.worklane.application.port.in.project;

import dev.worklane.domain.common.Require;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.user.UserId;

public record AddMemberCommand(UserId userId, ProjectRole role) {
  public AddMemberCommand {
    Require.present(userId, "userId");
    role = role == null ? ProjectRole.MEMBER : role;
  }
}
