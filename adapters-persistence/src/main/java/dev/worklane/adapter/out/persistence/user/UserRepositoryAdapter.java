package dev.worklane.adapter.out.persistence.user;

import static dev.worklane.adapter.out.persistence.support.Constraints.violates;

import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.EmailAlreadyRegisteredException;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link UserRepository} on PostgreSQL through JPA. */
@Component
public class UserRepositoryAdapter implements UserRepository {

  /**
   * The unique index on lower(email), created by changeset 20261125-01-users-email-unique-index.
   */
  static final String EMAIL_UNIQUE_INDEX = "ux_users_email_lower";

  private final UserJpaRepository users;
  private final UserPersistenceMapper mapper;

  UserRepositoryAdapter(UserJpaRepository users, UserPersistenceMapper mapper) {
    this.users = users;
    this.mapper = mapper;
  }

  @Override
  public Optional<User> findById(UserId id) {
    return users.findById(id.value()).map(mapper::toDomain);
  }

  @Override
  public Optional<User> findByEmail(Email email) {
    return users.findByEmailIgnoringCase(email.value()).map(mapper::toDomain);
  }

  /**
   * Inserts and flushes at once, so a duplicate email surfaces here (as the domain's conflict)
   * rather than at some later commit. Two concurrent registrations are decided by the index.
   */
  @Override
  public User add(User user) {
    try {
      return mapper.toDomain(users.saveAndFlush(mapper.toNewEntity(user)));
    } catch (DataIntegrityViolationException e) {
      if (violates(e, EMAIL_UNIQUE_INDEX)) {
        throw new EmailAlreadyRegisteredException();
      }
      throw e;
    }
  }

  /**
   * Joins the caller's transaction when there is one, so load and write see the same row. Writes
   * only over the version {@code user} was read at: the explicit check covers changes committed
   * before this load, Hibernate's versioned UPDATE those committed between the load and the flush.
   */
  @Override
  @Transactional
  public User update(User user) {
    UserEntity entity =
        users.findById(user.id().value()).orElseThrow(() -> new NotFoundException("User"));
    if (entity.getVersion() != user.version()) {
      throw concurrentChange();
    }
    mapper.copyState(user, entity);
    try {
      return mapper.toDomain(users.saveAndFlush(entity));
    } catch (OptimisticLockingFailureException e) {
      throw concurrentChange();
    } catch (DataIntegrityViolationException e) {
      if (violates(e, EMAIL_UNIQUE_INDEX)) {
        throw new EmailAlreadyRegisteredException();
      }
      throw e;
    }
  }

  /**
   * Two queries instead of one paged fetch join: limiting a join with the roles collection would
   * make Hibernate page in memory. The ids of the page come in index order (created_at, id), then
   * one query loads those users with their roles.
   */
  @Override
  @Transactional(readOnly = true)
  public Page<User> list(PageRequest page) {
    long total = users.count();
    List<UUID> ids = users.findPageOfIds(page.offset(), page.perPage());
    // Back into the database's order: UUID.compareTo (signed) does not sort ids as PostgreSQL does.
    Map<UUID, User> loaded =
        ids.isEmpty()
            ? Map.of()
            : users.findAllWithRolesByIdIn(ids).stream()
                .map(mapper::toDomain)
                .collect(Collectors.toMap(user -> user.id().value(), Function.identity()));
    List<User> items = ids.stream().map(loaded::get).filter(Objects::nonNull).toList();
    return new Page<>(items, page.page(), page.perPage(), total);
  }

  private static ConflictException concurrentChange() {
    return new ConflictException(
        "CONCURRENT_MODIFICATION", "The account was changed by another request; try again");
  }
}
