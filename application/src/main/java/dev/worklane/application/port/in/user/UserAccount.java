package dev.worklane.application.port.in.user;

import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;

/** A user together with its profile: the read model of the account endpoints. */
public record UserAccount(User user, Profile profile) {}
