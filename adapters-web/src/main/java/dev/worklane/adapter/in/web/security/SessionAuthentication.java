package dev.worklane.adapter.in.web.security;

import dev.worklane.application.port.in.Actor;
import java.time.Instant;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A browser session's caller: the actor and when it logged in (for "not before" revocation). */
public final class SessionAuthentication extends AbstractAuthenticationToken {
  private final Actor actor;
  private final Instant authenticatedAt;

  public SessionAuthentication(Actor actor, Instant authenticatedAt) {
    super(
        List.copyOf(
            actor.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList()));
    this.actor = actor;
    this.authenticatedAt = authenticatedAt;
    setAuthenticated(true);
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Actor getPrincipal() {
    return actor;
  }

  @Override
  public String getName() {
    return actor.userId().toString();
  }

  public Instant authenticatedAt() {
    return authenticatedAt;
  }
}
