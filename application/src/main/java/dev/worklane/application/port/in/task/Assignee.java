package dev.worklane.application.port.in.task;

import dev.worklane.domain.user.UserId;

public record Assignee(UserId id, String displayName) {}
