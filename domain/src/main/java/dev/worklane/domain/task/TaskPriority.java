package dev.worklane.domain.task;

public enum TaskPriority {
  LOW,
  MEDIUM,
  HIGH,
  URGENT
}
