package dev.worklane.application.port.in.project;

import dev.worklane.application.port.model.project.ProjectSummary;
import dev.worklane.domain.project.Project;

public record ProjectDetails(Project project, ProjectSummary summary) {}
