package dev.worklane.application.port.out;

import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.util.Optional;

public interface UserRepository {
  Optional<User> findById(UserId id);

  Optional<User> findByEmail(Email email);

  /** Inserts a new user; throws {@code EmailAlreadyRegisteredException} on a duplicate email. */
  User add(User user);

  User update(User user);
}
