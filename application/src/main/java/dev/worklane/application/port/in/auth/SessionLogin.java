package dev.worklane.application.port.in.auth;

import dev.worklane.application.port.in.Actor;
import java.time.Instant;

/**
 * A verified browser-session login. {@code authenticatedAt} was taken before the account was read,
 * so a password change or disable racing the login stamps a later instant and ends the session.
 */
public record SessionLogin(Actor actor, Instant authenticatedAt) {}
