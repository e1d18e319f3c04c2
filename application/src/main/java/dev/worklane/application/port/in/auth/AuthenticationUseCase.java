package dev.worklane.application.port.in.auth;

import dev.worklane.application.port.in.Actor;

/** Token lifecycle: login, refresh-token rotation with reuse detection, logout. */
public interface AuthenticationUseCase {

  /** Same failure, in similar time, for an unknown email and a wrong password. */
  IssuedTokens login(LoginCommand command);

  /** Checks credentials exactly like {@link #login} but issues no token (browser sessions). */
  SessionLogin authenticate(LoginCommand command);

  /**
   * Exchanges a refresh token for a new pair; a replayed (already rotated) token revokes its
   * family.
   */
  IssuedTokens refresh(String refreshToken);

  /** Revokes the session's refresh-token family and denylists the presented access token. */
  void logout(Actor actor, LogoutCommand command);
}
