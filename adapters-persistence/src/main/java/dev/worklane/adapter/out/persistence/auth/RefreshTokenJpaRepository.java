package dev.worklane.adapter.out.persistence.auth;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * The writes after insert are single conditional UPDATEs: the WHERE clause is the guard, so two
 * concurrent requests cannot both rotate one token (the second sees zero rows changed).
 */
interface RefreshTokenJpaRepository extends JpaRepository<RefreshTokenEntity, UUID> {

  Optional<RefreshTokenEntity> findByTokenHash(String tokenHash);

  /**
   * Serialises rotation and family revocation on the family's first row. Without it, a revoke
   * running while a rotation inserts the successor cannot see that row (READ COMMITTED) and leaves
   * it alive.
   */
  @Query(value = "select 1 from refresh_tokens where id = :familyId for update", nativeQuery = true)
  List<Integer> lockFamily(@Param("familyId") UUID familyId);

  /**
   * The same family locks for every family of a user, in id order (no deadlock between two
   * revocations): a rotation in flight finishes first — its successor is then revoked — or waits
   * and finds its token revoked.
   */
  @Query(
      value =
          "select id from refresh_tokens where user_id = :userId and id = family_id"
              + " order by id for update",
      nativeQuery = true)
  List<UUID> lockFamiliesOf(@Param("userId") UUID userId);

  @Query(value = "select family_id from refresh_tokens where id = :tokenId", nativeQuery = true)
  Optional<UUID> familyOf(@Param("tokenId") UUID tokenId);

  /** Rotation leaves revoked_at null: a rotated token presented again is reuse, not "revoked". */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      """
      update RefreshTokenEntity t
         set t.replacedById = :successorId, t.rotatedAt = :now
       where t.id = :id and t.replacedById is null and t.revokedAt is null
      """)
  int markRotated(
      @Param("id") UUID id, @Param("successorId") UUID successorId, @Param("now") Instant now);

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      """
      update RefreshTokenEntity t set t.revokedAt = :now
       where t.familyId = :familyId and t.revokedAt is null
      """)
  int revokeFamily(@Param("familyId") UUID familyId, @Param("now") Instant now);

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      """
      update RefreshTokenEntity t set t.revokedAt = :now
       where t.userId = :userId and t.revokedAt is null
      """)
  int revokeAllOf(@Param("userId") UUID userId, @Param("now") Instant now);
}
