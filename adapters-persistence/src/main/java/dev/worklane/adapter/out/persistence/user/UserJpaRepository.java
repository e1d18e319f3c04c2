package dev.worklane.adapter.out.persistence.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserJpaRepository extends JpaRepository<UserEntity, UUID> {

  /** Compares lower(email) so PostgreSQL can use the unique index ux_users_email_lower. */
  @Query("select u from UserEntity u left join fetch u.roles where lower(u.email) = lower(:email)")
  Optional<UserEntity> findByEmailIgnoringCase(@Param("email") String email);

  /** One page of account ids, oldest first: (created_at, id) is a total order, pages are stable. */
  @Query(
      value = "select id from users order by created_at, id offset :offset limit :limit",
      nativeQuery = true)
  List<UUID> findPageOfIds(@Param("offset") long offset, @Param("limit") int limit);

  @Query("select distinct u from UserEntity u left join fetch u.roles where u.id in :ids")
  List<UserEntity> findAllWithRolesByIdIn(@Param("ids") Collection<UUID> ids);
}
