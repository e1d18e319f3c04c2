package dev.worklane.application.port.in.user;

import dev.worklane.application.port.in.Actor;

/** The caller's own account: read it, change the profile. */
public interface MyAccountUseCase {
  UserAccount get(Actor actor);

  UserAccount updateProfile(Actor actor, UpdateProfileCommand command);
}
