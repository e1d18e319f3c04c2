package dev.worklane.application.port.in.user;

import dev.worklane.application.port.in.Actor;

/** The caller's own account: read it, change the profile. */
public interface MyAccountUseCase {
  UserAccount get(Actor actor);

  UserAccount updateProfile(Actor actor, UpdateProfileCommand command);

  /**
   * Changes the password and signs the account out everywhere: refresh tokens revoked, and every
   * access token and browser session issued before now stops working on every instance.
   */
  void changePassword(Actor actor, ChangePasswordCommand command);
}
