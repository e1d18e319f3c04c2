package dev.worklane.application.port.in.project;

import dev.worklane.domain.project.ProjectMember;

public record MemberView(ProjectMember member, String displayName) {}
