package dev.worklane.adapter.in.web.project;

import dev.worklane.application.port.in.project.MemberView;
import dev.worklane.application.port.in.project.ProjectDetails;
import dev.worklane.application.port.model.project.ProjectSummary;
import dev.worklane.domain.project.Project;
import org.springframework.stereotype.Component;

/** The one place where projects and members become their JSON shape (the same in v1 and v2). */
@Component
public class ProjectWebMapper {

  public ProjectResponse toResponse(ProjectDetails details) {
    return toResponse(details.project(), summary(details.summary()));
  }

  public ProjectResponse toResponse(Project project) {
    return toResponse(project, null);
  }

  public MemberResponse toResponse(MemberView view) {
    return new MemberResponse(
        view.member().userId().value(),
        view.displayName(),
        view.member().role().name(),
        view.member().addedAt());
  }

  private static ProjectResponse toResponse(
      Project project, ProjectResponse.SummaryResponse summary) {
    return new ProjectResponse(
        project.id().value(),
        project.key().value(),
        project.name(),
        project.description(),
        project.ownerId().value(),
        project.archived(),
        project.createdAt(),
        project.updatedAt(),
        summary);
  }

  private static ProjectResponse.SummaryResponse summary(ProjectSummary summary) {
    return new ProjectResponse.SummaryResponse(
        summary.todo(), summary.inProgress(), summary.done(), summary.total());
  }
}
