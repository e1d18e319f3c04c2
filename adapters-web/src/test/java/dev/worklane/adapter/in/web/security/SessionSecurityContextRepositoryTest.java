package dev.worklane.adapter.in.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.application.port.in.Actor;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContext;

/** The session's login time, compared with the "not before" stamp on every request. */
class SessionSecurityContextRepositoryTest {
  final List<Instant> checked = new ArrayList<>();
  final SessionSecurityContextRepository repository =
      new SessionSecurityContextRepository(
          (tokenId, sessionId, userId, issuedAt) -> {
            checked.add(issuedAt);
            return false;
          });
  final MockHttpServletRequest request = new MockHttpServletRequest();

  /** A login right after a change, in the same second, must be told apart from one before it. */
  @Test
  void theLoginTimeIsKeptAndCheckedToTheMicrosecond() {
    Instant at = Instant.parse("2026-11-25T10:00:00.400123Z");
    Actor actor = new Actor(UserId.random(), Set.of(Role.USER));

    repository.saveContext(
        SessionSecurityContextRepository.contextOf(new SessionAuthentication(actor, at)),
        request,
        new MockHttpServletResponse());
    SecurityContext loaded = repository.loadDeferredContext(request).get();

    assertThat(checked).containsExactly(at);
    assertThat(((SessionAuthentication) loaded.getAuthentication()).authenticatedAt())
        .isEqualTo(at);
  }

  @Test
  void aSessionOpenedBeforeTheMicrosecondsKeepsItsMilliseconds() {
    Instant at = Instant.parse("2026-11-25T10:00:00.400Z");
    request.getSession(true).setAttribute("worklane.userId", UserId.random().toString());
    request.getSession().setAttribute("worklane.roles", "USER");
    request.getSession().setAttribute("worklane.authenticatedAt", at.toEpochMilli());

    SecurityContext loaded = repository.loadDeferredContext(request).get();

    assertThat(checked).containsExactly(at);
    assertThat(loaded.getAuthentication()).isInstanceOf(SessionAuthentication.class);
  }
}
