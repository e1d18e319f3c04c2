package dev.worklane.application.port.in.auth;

import dev.worklane.application.port.in.Actor;
import java.util.UUID;

/** Token lifecycle: login, refresh-token rotation with reuse detection, logout. */
public interface AuthenticationUseCase {

  /** Same failure, in similar time, for an unknown email and a wrong password. */
  IssuedTokens login(LoginCommand command);

  /** Exchanges a refresh token for a new pair; a replayed (already rotated) token revokes its family. */
  IssuedTokens refresh(String refreshToken);

  /** Revokes the refresh-token family the access token belongs to. */
  void logout(Actor actor, UUID sessionFamilyId);
}
