package dev.worklane.adapter.in.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.in.Actor;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpRequestResponseHolder;

/** A browser session ends {@code maxLifetime} after its login, however often it is used. */
class SessionSecurityContextRepositoryTest {
  static final Instant LOGIN = Instant.parse("2026-12-01T09:00:00Z");

  final List<Instant> checked = new ArrayList<>();
  final MutableClock clock = new MutableClock(LOGIN);
  final SessionSecurityContextRepository repository =
      new SessionSecurityContextRepository(
          (tokenId, sessionId, userId, issuedAt) -> {
            checked.add(issuedAt);
            return false;
          },
          new SessionSettings(Duration.ofDays(7)),
          clock);
  final Actor ada = new Actor(UserId.random(), Set.of(Role.USER));
  final MockHttpSession session = new MockHttpSession();

  @Test
  void aSessionUsedDailyStillEndsSevenDaysAfterItsLogin() {
    repository.saveContext(
        SessionSecurityContextRepository.contextOf(new SessionAuthentication(ada, LOGIN)),
        request(),
        new MockHttpServletResponse());

    for (int day = 0; day < 7; day++) { // used every day, the last time 6 days 23 h after login
      clock.now = LOGIN.plus(Duration.ofDays(day)).plus(Duration.ofHours(23));
      SecurityContext used = load();
      assertThat(used.getAuthentication())
          .as("day %d", day)
          .isInstanceOfSatisfying(
              SessionAuthentication.class, auth -> assertThat(auth.getPrincipal()).isEqualTo(ada));
      // each request saves the context again: the login time must not move with it
      repository.saveContext(used, request(), new MockHttpServletResponse());
    }
    clock.now = LOGIN.plus(Duration.ofDays(7)).minusMillis(1);
    assertThat(load().getAuthentication()).isNotNull();

    clock.now = LOGIN.plus(Duration.ofDays(7));

    assertThat(load().getAuthentication()).as("seven days after the login").isNull();
    assertThatThrownBy(session::getCreationTime)
        .as("the session itself is ended")
        .isInstanceOf(IllegalStateException.class);
  }

  /** A login right after a change, in the same second, must be told apart from one before it. */
  @Test
  void theLoginTimeIsKeptAndCheckedToTheMicrosecond() {
    Instant at = LOGIN.plusNanos(400_123_000);

    repository.saveContext(
        SessionSecurityContextRepository.contextOf(new SessionAuthentication(ada, at)),
        request(),
        new MockHttpServletResponse());
    SecurityContext loaded = load();

    assertThat(checked).containsExactly(at);
    assertThat(((SessionAuthentication) loaded.getAuthentication()).authenticatedAt())
        .isEqualTo(at);
  }

  @Test
  void aSessionOpenedBeforeTheMicrosecondsKeepsItsMilliseconds() {
    Instant at = LOGIN.plusMillis(400);
    session.setAttribute("worklane.userId", ada.userId().toString());
    session.setAttribute("worklane.roles", "USER");
    session.setAttribute("worklane.authenticatedAt", at.toEpochMilli());

    SecurityContext loaded = load();

    assertThat(checked).containsExactly(at);
    assertThat(loaded.getAuthentication()).isInstanceOf(SessionAuthentication.class);
  }

  @Test
  void theLifetimeMustBePositive() {
    assertThatThrownBy(() -> new SessionSettings(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionSettings(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private MockHttpServletRequest request() {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/users/me");
    request.setSession(session);
    return request;
  }

  @SuppressWarnings("deprecation")
  private SecurityContext load() {
    return repository.loadContext(
        new HttpRequestResponseHolder(request(), new MockHttpServletResponse()));
  }

  static final class MutableClock extends Clock {
    Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
