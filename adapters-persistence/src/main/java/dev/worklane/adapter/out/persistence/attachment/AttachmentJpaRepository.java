package dev.worklane.adapter.out.persistence.attachment;

import dev.worklane.domain.attachment.AttachmentStatus;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/**
 * The processing outcome is written by one conditional statement: {@code status = PENDING} in the
 * WHERE clause makes a second (retried or concurrent) job's write a no-op instead of overwriting.
 */
interface AttachmentJpaRepository extends JpaRepository<AttachmentEntity, UUID> {

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query(
      """
      update AttachmentEntity a
         set a.status = :status, a.sniffedType = :sniffedType, a.sha256 = :sha256,
             a.sizeBytes = :sizeBytes, a.rejectionReason = :reason
       where a.id = :id
         and a.status = dev.worklane.domain.attachment.AttachmentStatus.PENDING
      """)
  int finishPending(
      @Param("id") UUID id,
      @Param("status") AttachmentStatus status,
      @Param("sniffedType") String sniffedType,
      @Param("sha256") String sha256,
      @Param("sizeBytes") long sizeBytes,
      @Param("reason") String reason);

  @Transactional
  @Modifying(flushAutomatically = true, clearAutomatically = true)
  @Query("delete from AttachmentEntity a where a.id = :id")
  int deleteRow(@Param("id") UUID id);
}
