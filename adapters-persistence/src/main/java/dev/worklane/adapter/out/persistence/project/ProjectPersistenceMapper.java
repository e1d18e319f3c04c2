package dev.worklane.adapter.out.persistence.project;

import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKey;
import dev.worklane.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Projects between the domain record and their row, by hand: the record's {@code archive(Instant)}
 * and {@code describe(String, Instant)} read to MapStruct like fluent setters, and the mapping is a
 * few lines.
 */
final class ProjectPersistenceMapper {

  private ProjectPersistenceMapper() {}

  static Project toDomain(ProjectEntity entity) {
    return new Project(
        new ProjectId(entity.getId()),
        new ProjectKey(entity.getKey()),
        entity.getName(),
        entity.getDescription(),
        new UserId(entity.getOwnerId()),
        entity.isArchived(),
        entity.getCreatedAt(),
        entity.getUpdatedAt(),
        entity.getVersion());
  }

  static ProjectEntity toNewEntity(Project project) {
    ProjectEntity entity = new ProjectEntity();
    entity.setId(project.id().value());
    entity.setKey(project.key().value());
    entity.setCreatedAt(project.createdAt());
    entity.setVersion(project.version());
    copyState(project, entity);
    return entity;
  }

  /** The mutable state; id, key and created_at never change, the version is Hibernate's. */
  static void copyState(Project project, ProjectEntity entity) {
    entity.setName(project.name());
    entity.setDescription(project.description());
    entity.setOwnerId(project.ownerId().value());
    entity.setArchived(project.archived());
    entity.setUpdatedAt(project.updatedAt());
  }

  /** A row of the list queries (plain SQL, same columns as the entity). */
  static Project fromRow(ResultSet rs, int row) throws SQLException {
    return new Project(
        new ProjectId(rs.getObject("id", UUID.class)),
        new ProjectKey(rs.getString("key")),
        rs.getString("name"),
        rs.getString("description"),
        new UserId(rs.getObject("owner_id", UUID.class)),
        rs.getBoolean("archived"),
        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
        rs.getLong("version"));
  }
}
