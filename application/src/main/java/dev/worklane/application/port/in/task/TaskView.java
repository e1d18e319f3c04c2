package dev.worklane.application.port.in.task;

import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.task.Task;

/** A task with what every API version shows beside it: its key and its assignee's name. */
public record TaskView(Task task, ProjectKey projectKey, Assignee assignee) {
  public String displayKey() {
    return task.displayKey(projectKey);
  }
}
