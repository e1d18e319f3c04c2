package dev.worklane.adapter.out.persistence.report;

import dev.worklane.adapter.out.persistence.support.AssignedIdEntity;
import dev.worklane.domain.report.ReportFormat;
import dev.worklane.domain.report.ReportStatus;
import dev.worklane.domain.task.TaskStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of {@code reports}; never leaves this package. Inserted and read through JPA; its state
 * changes are one UPDATE statement each ({@link ReportJpaRepository#updateState}), so a loaded
 * entity is never saved back.
 */
@Entity
@Table(name = "reports")
class ReportEntity extends AssignedIdEntity {

  @Id
  @Column(name = "id", nullable = false, updatable = false)
  private UUID id;

  @Column(name = "project_id", nullable = false, updatable = false)
  private UUID projectId;

  @Column(name = "requested_by", nullable = false, updatable = false)
  private UUID requestedBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "format", nullable = false, updatable = false, length = 8)
  private ReportFormat format;

  @Enumerated(EnumType.STRING)
  @Column(name = "filter_status", updatable = false, length = 16)
  private TaskStatus filterStatus;

  @Column(name = "filter_assignee_id", updatable = false)
  private UUID filterAssigneeId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private ReportStatus status;

  @Column(name = "progress", nullable = false)
  private int progress;

  @Column(name = "storage_key", length = 300)
  private String storageKey;

  @Column(name = "error", length = 500)
  private String error;

  @Column(name = "row_count")
  private Long rowCount;

  @Column(name = "size_bytes")
  private Long sizeBytes;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected ReportEntity() {}

  @Override
  public UUID getId() {
    return id;
  }

  public void setId(UUID id) {
    this.id = id;
  }

  public UUID getProjectId() {
    return projectId;
  }

  public void setProjectId(UUID projectId) {
    this.projectId = projectId;
  }

  public UUID getRequestedBy() {
    return requestedBy;
  }

  public void setRequestedBy(UUID requestedBy) {
    this.requestedBy = requestedBy;
  }

  public ReportFormat getFormat() {
    return format;
  }

  public void setFormat(ReportFormat format) {
    this.format = format;
  }

  public TaskStatus getFilterStatus() {
    return filterStatus;
  }

  public void setFilterStatus(TaskStatus filterStatus) {
    this.filterStatus = filterStatus;
  }

  public UUID getFilterAssigneeId() {
    return filterAssigneeId;
  }

  public void setFilterAssigneeId(UUID filterAssigneeId) {
    this.filterAssigneeId = filterAssigneeId;
  }

  public ReportStatus getStatus() {
    return status;
  }

  public void setStatus(ReportStatus status) {
    this.status = status;
  }

  public int getProgress() {
    return progress;
  }

  public void setProgress(int progress) {
    this.progress = progress;
  }

  public String getStorageKey() {
    return storageKey;
  }

  public void setStorageKey(String storageKey) {
    this.storageKey = storageKey;
  }

  public String getError() {
    return error;
  }

  public void setError(String error) {
    this.error = error;
  }

  public Long getRowCount() {
    return rowCount;
  }

  public void setRowCount(Long rowCount) {
    this.rowCount = rowCount;
  }

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public void setSizeBytes(Long sizeBytes) {
    this.sizeBytes = sizeBytes;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(Instant completedAt) {
    this.completedAt = completedAt;
  }

  public Instant getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Instant expiresAt) {
    this.expiresAt = expiresAt;
  }
}
