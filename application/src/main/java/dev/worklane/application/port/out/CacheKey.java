package dev.worklane.application.port.out;

import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.user.UserId;

/**
 * A cache entry's name: {@code namespace:id}. The adapter adds its own prefix ({@code cache:}) and
 * picks the TTL configured for the namespace.
 */
public record CacheKey(String namespace, String id) {
  public static final String USERS = "users";
  public static final String PROJECTS = "projects";
  public static final String PROFILES = "profiles";

  public CacheKey {
    if (namespace == null || namespace.isBlank() || id == null || id.isBlank()) {
      throw new IllegalArgumentException("cache keys need a namespace and an id");
    }
  }

  public static CacheKey user(UserId id) {
    return new CacheKey(USERS, id.toString());
  }

  /** {@code profiles:{id}:name}: the user's display name, shown beside tasks and members. */
  public static CacheKey displayName(UserId id) {
    return new CacheKey(PROFILES, id + ":name");
  }

  /** {@code projects:{id}}: the project itself, read by every request in it. */
  public static CacheKey project(ProjectId id) {
    return new CacheKey(PROJECTS, id.toString());
  }

  /** {@code projects:{id}:members:{userId}}: whether (and how) the user is a member. */
  public static CacheKey membership(ProjectId id, UserId userId) {
    return new CacheKey(PROJECTS, id + ":members:" + userId);
  }

  /** {@code projects:{id}:summary}: task counts by status. */
  public static CacheKey projectSummary(ProjectId id) {
    return new CacheKey(PROJECTS, id + ":summary");
  }

  @Override
  public String toString() {
    return namespace + ":" + id;
  }
}
