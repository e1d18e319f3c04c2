package dev.worklane.archfixture.bad.adapter.out.redis;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Violates: a JPA entity outside the persistence adapter. */
@Entity
public class CachedOrderEntity {
  @Id Long id;
}
