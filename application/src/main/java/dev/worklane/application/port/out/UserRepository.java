package dev.worklane.application.port.out;

import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.util.Optional;

public interface UserRepository {
  Optional<User> findById(UserId id);

  Optional<User> findByEmail(Email email);

  /** Inserts a new user; throws {@code EmailAlreadyRegisteredException} on a duplicate email. */
  User add(User user);

  /**
   * Writes over the version {@code user} was read at; throws {@code ConflictException}
   * (CONCURRENT_MODIFICATION) when it changed meanwhile.
   */
  User update(User user);

  /** Every account, oldest first. */
  Page<User> list(PageRequest page);
}
