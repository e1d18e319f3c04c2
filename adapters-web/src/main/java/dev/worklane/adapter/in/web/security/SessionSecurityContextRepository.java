package dev.worklane.adapter.in.web.security;

import dev.worklane.adapter.in.web.error.SessionStoreUnavailableException;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.auth.RevocationCheckUseCase;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Keeps a browser session's caller as three plain attributes (user id, roles, login time) rather
 * than a serialized Spring SecurityContext: the Redis-stored session survives library upgrades, and
 * every request re-checks the user's "not before" stamp, so disabling an account or changing its
 * password ends its sessions on every instance. A session also ends {@code maxLifetime} after its
 * login, however often it is used (the idle timeout alone would let a daily-used one live forever).
 */
public class SessionSecurityContextRepository implements SecurityContextRepository {
  static final String USER_ID = "worklane.userId";
  static final String ROLES = "worklane.roles";

  /** Epoch microseconds, as precise as the "not before" stamp it is compared with. */
  static final String AUTHENTICATED_AT = "worklane.authenticatedAtMicros";

  /** Epoch milliseconds, in sessions opened before the login time kept microseconds. */
  static final String AUTHENTICATED_AT_MILLIS = "worklane.authenticatedAt";

  private static final Logger LOG = LoggerFactory.getLogger(SessionSecurityContextRepository.class);

  private final RevocationCheckUseCase revocations;
  private final Duration maxLifetime;
  private final Clock clock;

  public SessionSecurityContextRepository(
      RevocationCheckUseCase revocations, SessionSettings settings, Clock clock) {
    this.revocations = revocations;
    this.maxLifetime = settings.maxLifetime();
    this.clock = clock;
  }

  /** Called lazily (through the interface's deferred loading) on the first access per request. */
  @Override
  @SuppressWarnings("deprecation")
  public SecurityContext loadContext(HttpRequestResponseHolder holder) {
    return load(holder.getRequest());
  }

  private SecurityContext load(HttpServletRequest request) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      // Rendering an error needs no caller; and when the failure was the session store itself,
      // touching it again would turn the problem response into a container error page.
      return context;
    }
    HttpSession session;
    try {
      session = request.getSession(false);
    } catch (RuntimeException e) {
      throw new SessionStoreUnavailableException(e);
    }
    if (session == null || !(session.getAttribute(USER_ID) instanceof String userId)) {
      return context;
    }
    try {
      UserId id = UserId.of(userId);
      Instant at = authenticatedAt(session);
      if (!clock.instant().isBefore(at.plus(maxLifetime))) {
        LOG.info("session_expired userId={} reason=max-lifetime", id);
        session.invalidate();
        return context;
      }
      if (revocations.isRevoked(null, null, id, at)) {
        LOG.info("session_revoked userId={}", id);
        session.invalidate();
        return context;
      }
      context.setAuthentication(new SessionAuthentication(new Actor(id, roles(session)), at));
    } catch (RuntimeException e) {
      LOG.warn("session_unreadable reason={}", e.getClass().getSimpleName());
      session.invalidate();
    }
    return context;
  }

  private static Instant authenticatedAt(HttpSession session) {
    if (session.getAttribute(AUTHENTICATED_AT) instanceof Long micros) {
      return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
    return Instant.ofEpochMilli((Long) session.getAttribute(AUTHENTICATED_AT_MILLIS));
  }

  private static Set<Role> roles(HttpSession session) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    String stored = (String) session.getAttribute(ROLES);
    Arrays.stream(stored.split(","))
        .filter(s -> !s.isBlank())
        .map(Role::valueOf)
        .forEach(roles::add);
    return roles;
  }

  @Override
  public void saveContext(
      SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
    if (context.getAuthentication() instanceof SessionAuthentication auth) {
      HttpSession session = request.getSession(true);
      session.setAttribute(USER_ID, auth.getPrincipal().userId().toString());
      session.setAttribute(
          ROLES,
          String.join(",", auth.getPrincipal().roles().stream().map(Role::name).sorted().toList()));
      session.setAttribute(
          AUTHENTICATED_AT, ChronoUnit.MICROS.between(Instant.EPOCH, auth.authenticatedAt()));
    }
  }

  @Override
  public boolean containsContext(HttpServletRequest request) {
    if (request.getDispatcherType() == DispatcherType.ERROR) {
      return false;
    }
    try {
      HttpSession session = request.getSession(false);
      return session != null && session.getAttribute(USER_ID) != null;
    } catch (RuntimeException e) {
      throw new SessionStoreUnavailableException(e);
    }
  }

  /** Used at login: a fresh context for {@code auth}, saved into the (rotated) session. */
  public static SecurityContext contextOf(SessionAuthentication auth) {
    return new SecurityContextImpl(auth);
  }
}
