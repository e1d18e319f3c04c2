package dev.worklane.adapter.out.persistence.user;

import dev.worklane.adapter.out.persistence.support.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of {@code profiles}. Carries two columns the domain record does not: {@code created_at} (set
 * once) and {@code avatar_file_id} (owned by the file feature), which saving a profile keeps.
 */
@Entity
@Table(name = "profiles")
class ProfileEntity extends AssignedIdEntity {

  @Id
  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "display_name", nullable = false, length = 100)
  private String displayName;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(name = "avatar_file_id")
  private UUID avatarFileId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ProfileEntity() {}

  @Override
  public UUID getId() {
    return userId;
  }

  public UUID getUserId() {
    return userId;
  }

  public void setUserId(UUID userId) {
    this.userId = userId;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public UUID getAvatarFileId() {
    return avatarFileId;
  }

  public void setAvatarFileId(UUID avatarFileId) {
    this.avatarFileId = avatarFileId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Instant createdAt) {
    this.createdAt = createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Instant updatedAt) {
    this.updatedAt = updatedAt;
  }
}
