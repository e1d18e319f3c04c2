package dev.worklane.domain.project;

import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.Require;
import dev.worklane.domain.user.UserId;
import java.time.Instant;

/**
 * The project aggregate: a key tasks are numbered under, a name, an owner. Archived projects are
 * read-only (DELETE archives; nothing is lost). Immutable: behaviour returns the changed copy;
 * {@code version} is the optimistic lock of the stored row.
 */
public record Project(
    ProjectId id,
    ProjectKey key,
    String name,
    String description,
    UserId ownerId,
    boolean archived,
    Instant createdAt,
    Instant updatedAt,
    long version) {
  public static final int NAME_MAX = 100;
  public static final int DESCRIPTION_MAX = 2000;

  public Project {
    Require.present(id, "id");
    Require.present(key, "key");
    name = Require.name(name, "name", NAME_MAX);
    description = Require.optionalText(description, "description", DESCRIPTION_MAX);
    Require.present(ownerId, "ownerId");
    Require.present(createdAt, "createdAt");
    Require.present(updatedAt, "updatedAt");
  }

  public static Project create(
      ProjectId id, ProjectKey key, String name, String description, UserId owner, Instant now) {
    return new Project(id, key, name, description, owner, false, now, now, 0);
  }

  public Project rename(String newName, Instant now) {
    requireWritable();
    return new Project(id, key, newName, description, ownerId, false, createdAt, now, version);
  }

  public Project describe(String newDescription, Instant now) {
    requireWritable();
    return new Project(id, key, name, newDescription, ownerId, false, createdAt, now, version);
  }

  /** Idempotent: archiving an archived project changes nothing. */
  public Project archive(Instant now) {
    return archived
        ? this
        : new Project(id, key, name, description, ownerId, true, createdAt, now, version);
  }

  /** Archived projects are read-only: their tasks and members stay as they were. */
  public void requireWritable() {
    if (archived) {
      throw new ConflictException("PROJECT_ARCHIVED", "The project is archived and read-only");
    }
  }
}
