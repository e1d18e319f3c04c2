package dev.worklane.adapter.out.persistence.user;

import dev.worklane.adapter.out.persistence.support.AssignedIdEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Row of {@code profiles}. Carries {@code created_at} (set once), which the domain record does not.
 * {@code avatar_key} is read here but written only by {@link
 * ProfileRepositoryAdapter#replaceAvatar} under the row's lock: Hibernate writes every mapped
 * column of a dirty entity, so a profile edit that read the row before an upload would otherwise
 * put the replaced key back (and point the profile at a deleted object).
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

  @Column(name = "avatar_key", length = 200, insertable = false, updatable = false)
  private String avatarKey;

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

  public String getAvatarKey() {
    return avatarKey;
  }

  public void setAvatarKey(String avatarKey) {
    this.avatarKey = avatarKey;
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
