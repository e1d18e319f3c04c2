package dev.worklane.adapter.out.persistence.support;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/**
 * Base of entities whose UUID is assigned by the domain, not by the database. Spring Data would
 * take a set id for "already stored" and issue a merge (an extra SELECT); this flag makes the first
 * save an INSERT and every loaded or persisted instance an update.
 */
@MappedSuperclass
public abstract class AssignedIdEntity implements Persistable<UUID> {

  @Transient private boolean fresh = true;

  @Override
  public boolean isNew() {
    return fresh;
  }

  @PostLoad
  @PostPersist
  void markStored() {
    fresh = false;
  }
}
