package dev.worklane.domain.task;

public enum TaskStatus {
  TODO,
  IN_PROGRESS,
  DONE
}
