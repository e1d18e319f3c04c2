package dev.worklane.adapter.out.persistence.report;

import dev.worklane.domain.report.ReportStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

interface ReportJpaRepository extends JpaRepository<ReportEntity, UUID> {

  /**
   * The report's whole mutable state in one statement: the job writes it at each transition and
   * progress step; zero rows means the sweeper removed the report meanwhile.
   */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      """
      update ReportEntity r
         set r.status = :status, r.progress = :progress, r.storageKey = :storageKey,
             r.error = :error, r.rowCount = :rowCount, r.sizeBytes = :sizeBytes,
             r.completedAt = :completedAt, r.expiresAt = :expiresAt
       where r.id = :id
      """)
  int updateState(
      @Param("id") UUID id,
      @Param("status") ReportStatus status,
      @Param("progress") int progress,
      @Param("storageKey") String storageKey,
      @Param("error") String error,
      @Param("rowCount") Long rowCount,
      @Param("sizeBytes") Long sizeBytes,
      @Param("completedAt") Instant completedAt,
      @Param("expiresAt") Instant expiresAt);

  /**
   * Served by ix_reports_expires_at: a range scan from the oldest expiry, stopping at the limit.
   */
  List<ReportEntity> findByExpiresAtLessThanEqualOrderByExpiresAtAsc(Instant now, Limit limit);

  /** Idempotent, unlike a find-then-remove: a report already removed is no error. */
  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from ReportEntity r where r.id = :id")
  int deleteReport(@Param("id") UUID id);
}
