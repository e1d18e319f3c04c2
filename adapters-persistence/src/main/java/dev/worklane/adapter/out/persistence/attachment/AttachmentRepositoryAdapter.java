package dev.worklane.adapter.out.persistence.attachment;

import static dev.worklane.adapter.out.persistence.support.Keyset.utc;

import dev.worklane.adapter.out.persistence.support.Keyset;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Position;
import dev.worklane.application.port.out.AttachmentRepository;
import dev.worklane.domain.attachment.Attachment;
import dev.worklane.domain.attachment.AttachmentId;
import dev.worklane.domain.attachment.AttachmentStatus;
import dev.worklane.domain.task.TaskId;
import dev.worklane.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link AttachmentRepository} on PostgreSQL: insert and load through JPA, the processing outcome
 * as a conditional update ({@link AttachmentJpaRepository}), pages and the sweeper's reads in plain
 * SQL along the indexes of {@code 20261206-01-attachments.yaml}.
 */
@Component
public class AttachmentRepositoryAdapter implements AttachmentRepository {
  private static final String COLUMNS =
      "a.id, a.task_id, a.file_name, a.declared_type, a.sniffed_type, a.size_bytes, a.sha256,"
          + " a.storage_key, a.status, a.rejection_reason, a.uploaded_by, a.created_at";

  private final AttachmentJpaRepository rows;
  private final NamedParameterJdbcTemplate jdbc;

  AttachmentRepositoryAdapter(AttachmentJpaRepository rows, NamedParameterJdbcTemplate jdbc) {
    this.rows = rows;
    this.jdbc = jdbc;
  }

  /** Flushed at once: an unknown task fails here, inside the caller's transaction. */
  @Override
  public Attachment add(Attachment attachment) {
    return rows.saveAndFlush(AttachmentEntity.from(attachment)).toDomain();
  }

  @Override
  public Optional<Attachment> findById(AttachmentId id) {
    return rows.findById(id.value()).map(AttachmentEntity::toDomain);
  }

  /**
   * Newest first: the row-value comparison {@code (created_at, id) < (?, ?)} is the index bound of
   * ix_attachments_task_created, read in its (descending) order.
   */
  @Override
  public CursorPage<Attachment> list(TaskId task, CursorRequest cursor) {
    MapSqlParameterSource params = new MapSqlParameterSource("task", task.value());
    StringBuilder sql =
        new StringBuilder("select ")
            .append(COLUMNS)
            .append(" from attachments a where a.task_id = :task");
    if (cursor.after() != null) {
      sql.append(" and (a.created_at, a.id) < (:afterAt, :afterId)");
      params.addValue("afterAt", utc(cursor.after().at())).addValue("afterId", cursor.after().id());
    }
    sql.append(" order by a.created_at desc, a.id desc limit :limit");
    params.addValue("limit", Keyset.limitOf(cursor));
    List<Attachment> found = jdbc.query(sql.toString(), params, AttachmentRepositoryAdapter::row);
    return Keyset.page(found, cursor, a -> new Position(a.createdAt(), a.id().value()));
  }

  @Override
  public boolean finishProcessing(Attachment processed) {
    return rows.finishPending(
            processed.id().value(),
            processed.status(),
            processed.sniffedType(),
            processed.sha256(),
            processed.sizeBytes(),
            processed.rejectionReason())
        == 1;
  }

  @Override
  public boolean delete(AttachmentId id) {
    return rows.deleteRow(id.value()) == 1;
  }

  @Override
  public Set<String> existingKeys(Collection<String> storageKeys) {
    if (storageKeys.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.queryForList(
            "select storage_key from attachments where storage_key in (:keys)",
            new MapSqlParameterSource("keys", storageKeys),
            String.class));
  }

  @Override
  public List<Attachment> pendingSince(Instant createdBefore, int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from attachments a where a.status = 'PENDING' and a.created_at < :before"
            + " order by a.created_at limit :limit",
        new MapSqlParameterSource("before", utc(createdBefore)).addValue("limit", limit),
        AttachmentRepositoryAdapter::row);
  }

  /** An archived project is read-only, so its updated_at is the moment it was archived. */
  @Override
  public List<Attachment> inProjectsArchivedBefore(Instant archivedBefore, int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from attachments a join tasks t on t.id = a.task_id"
            + " join projects p on p.id = t.project_id"
            + " where p.archived and p.updated_at < :before limit :limit",
        new MapSqlParameterSource("before", utc(archivedBefore)).addValue("limit", limit),
        AttachmentRepositoryAdapter::row);
  }

  @Override
  public Map<AttachmentStatus, Long> countByStatus() {
    Map<AttachmentStatus, Long> counts = new EnumMap<>(AttachmentStatus.class);
    for (AttachmentStatus status : AttachmentStatus.values()) {
      counts.put(status, 0L);
    }
    jdbc.query(
        "select status, count(*) as attachments from attachments group by status",
        rs -> {
          counts.put(AttachmentStatus.valueOf(rs.getString("status")), rs.getLong("attachments"));
        });
    return counts;
  }

  private static Attachment row(ResultSet rs, int row) throws SQLException {
    return new Attachment(
        new AttachmentId(rs.getObject("id", UUID.class)),
        new TaskId(rs.getObject("task_id", UUID.class)),
        rs.getString("file_name"),
        rs.getString("declared_type"),
        rs.getString("sniffed_type"),
        rs.getLong("size_bytes"),
        rs.getString("sha256"),
        rs.getString("storage_key"),
        AttachmentStatus.valueOf(rs.getString("status")),
        rs.getString("rejection_reason"),
        new UserId(rs.getObject("uploaded_by", UUID.class)),
        rs.getObject("created_at", OffsetDateTime.class).toInstant());
  }
}
