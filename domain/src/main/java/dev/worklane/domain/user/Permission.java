package dev.worklane.domain.user;

/** Fine-grained permissions, checked by the use cases. */
public enum Permission {
  TASK_READ("task:read"),
  TASK_WRITE("task:write"),
  PROJECT_CREATE("project:create"),
  PROJECT_MANAGE_MEMBERS("project:manage-members"),
  REPORT_GENERATE("report:generate"),
  PROJECT_READ_ANY("project:read-any"),
  USER_MANAGE("user:manage"),
  QUEUE_ADMIN("queue:admin");

  private final String label;

  Permission(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
