package dev.worklane.application.port.in.project;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.user.UserId;

/** Membership: whoever sees the project lists it; owners and managers change it. */
public interface ProjectMembersUseCase {

  Page<MemberView> list(Actor actor, ProjectId project, PageRequest page);

  CursorPage<MemberView> list(Actor actor, ProjectId project, CursorRequest cursor);

  MemberView add(Actor actor, ProjectId project, AddMemberCommand command);

  /** The member's tasks in the project are unassigned; the last owner cannot be removed. */
  void remove(Actor actor, ProjectId project, UserId member);
}
