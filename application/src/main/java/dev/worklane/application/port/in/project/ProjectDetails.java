package dev.worklane.application.port.in.project;

import dev.worklane.domain.project.Project;

public record ProjectDetails(Project project, ProjectSummary summary) {}
