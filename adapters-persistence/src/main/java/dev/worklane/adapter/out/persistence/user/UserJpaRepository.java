package dev.worklane.adapter.out.persistence.user;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserJpaRepository extends JpaRepository<UserEntity, UUID> {

  /** Compares lower(email) so PostgreSQL can use the unique index ux_users_email_lower. */
  @Query("select u from UserEntity u left join fetch u.roles where lower(u.email) = lower(:email)")
  Optional<UserEntity> findByEmailIgnoringCase(@Param("email") String email);
}
