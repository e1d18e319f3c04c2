package dev.worklane.application.service.job;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.queue.JobDetails;
import dev.worklane.application.port.model.queue.JobList;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.model.queue.JobSummary;
import dev.worklane.application.port.model.queue.QueueOverview;
import dev.worklane.application.port.out.QueueControl;
import dev.worklane.application.port.out.QueueControl.Outcome;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class QueueAdministrationServiceTest {
  static final Actor ADMIN = new Actor(UserId.random(), Set.of(Role.ADMIN));
  static final PageRequest PAGE = new PageRequest(1, 20);

  @Mock QueueControl control;

  QueueAdministrationService service() {
    return new QueueAdministrationService(control);
  }

  /** Every operation of the use case, for the queue given, as the actor given. */
  static Stream<Named<BiFunction<Actor, String, Consumer<QueueAdministrationService>>>>
      operations() {
    return Stream.of(
        Named.of("queues", (a, q) -> s -> s.queues(a)),
        Named.of("jobs", (a, q) -> s -> s.jobs(a, q, JobState.FAILED, PAGE)),
        Named.of("job", (a, q) -> s -> s.job(a, q, "j1")),
        Named.of("retry", (a, q) -> s -> s.retry(a, q, "j1")),
        Named.of("retryAllFailed", (a, q) -> s -> s.retryAllFailed(a, q)),
        Named.of("remove", (a, q) -> s -> s.remove(a, q, "j1")),
        Named.of("promote", (a, q) -> s -> s.promote(a, q, "j1")),
        Named.of("pause", (a, q) -> s -> s.pause(a, q)),
        Named.of("resume", (a, q) -> s -> s.resume(a, q)),
        Named.of("cleanCompleted", (a, q) -> s -> s.cleanCompleted(a, q)));
  }

  static Stream<Arguments> operationsAsNonAdmins() {
    return operations()
        .flatMap(op -> Stream.of(Role.USER, Role.MANAGER).map(role -> Arguments.of(op, role)));
  }

  static Stream<Named<BiFunction<Actor, String, Consumer<QueueAdministrationService>>>>
      operationsOnAQueue() {
    return operations().filter(op -> !op.getName().equals("queues"));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("operationsAsNonAdmins")
  void everyOperationNeedsQueueAdminAndTouchesNothingWithout(
      BiFunction<Actor, String, Consumer<QueueAdministrationService>> operation, Role role) {
    Actor actor = new Actor(UserId.random(), Set.of(role));

    assertThatThrownBy(() -> operation.apply(actor, "email").accept(service()))
        .isInstanceOf(ForbiddenException.class)
        .satisfies(e -> assertThat(((ForbiddenException) e).permission()).isEqualTo("queue:admin"));
    // also before the queue name is looked at: a non-admin cannot probe which queues exist
    assertThatThrownBy(() -> operation.apply(actor, "no-such-queue").accept(service()))
        .isInstanceOf(ForbiddenException.class);
    verifyNoInteractions(control);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operationsOnAQueue")
  void anUnknownQueueIsNotFoundAndNeverReachesTheEngine(
      BiFunction<Actor, String, Consumer<QueueAdministrationService>> operation) {
    assertThatThrownBy(() -> operation.apply(ADMIN, "emails").accept(service()))
        .isInstanceOf(NotFoundException.class);
    verifyNoInteractions(control);
  }

  @Test
  void anAdminSeesTheQueues() {
    List<QueueOverview> overview =
        List.of(new QueueOverview("email", false, 5, Map.of(JobState.WAITING, 3L)));
    when(control.overview()).thenReturn(overview);

    assertThat(service().queues(ADMIN)).isEqualTo(overview);
  }

  @Test
  void anAdminListsJobsOfAKnownQueue() {
    JobList list = new JobList(List.of(summary("j1")), 2, 10, 11);
    when(control.jobs("high-priority", JobState.DELAYED, new PageRequest(2, 10))).thenReturn(list);

    assertThat(service().jobs(ADMIN, "high-priority", JobState.DELAYED, new PageRequest(2, 10)))
        .isEqualTo(list);
  }

  @Test
  void aJobIsShownWithItsSecretsRedacted() {
    JobDetails stored =
        new JobDetails(
            summary("j1"),
            Map.of(
                "template", "password-reset",
                "to", "ada@example.com",
                "secret.token", "raw-token-value",
                "secret.apiKey", "sk_live"),
            Duration.ofSeconds(30),
            Duration.ofSeconds(5),
            "req-1",
            List.of("sending password-reset email"),
            "java.lang.IllegalStateException: smtp down");
    when(control.job("email", "j1")).thenReturn(Optional.of(stored));

    JobDetails shown = service().job(ADMIN, "email", "j1");

    assertThat(shown.payload())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "template", "password-reset",
                "to", "ada@example.com",
                "secret.token", "[redacted]",
                "secret.apiKey", "[redacted]"));
    assertThat(shown.payload().values()).doesNotContain("raw-token-value", "sk_live");
    assertThat(shown.summary()).isEqualTo(stored.summary());
    assertThat(shown.timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(shown.backoff()).isEqualTo(Duration.ofSeconds(5));
    assertThat(shown.requestId()).isEqualTo("req-1");
    assertThat(shown.logs()).containsExactly("sending password-reset email");
    assertThat(shown.stacktrace()).isEqualTo("java.lang.IllegalStateException: smtp down");
  }

  @Test
  void aMissingJobIsNotFound() {
    when(control.job("email", "gone")).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service().job(ADMIN, "email", "gone"))
        .isInstanceOf(NotFoundException.class);
  }

  static Stream<Arguments> jobActions() {
    return Stream.of(
        Arguments.of(
            "retry",
            (BiFunction<QueueControl, String, Outcome>) (c, id) -> c.retry("email", id),
            (Consumer<QueueAdministrationService>) s -> s.retry(ADMIN, "email", "j1"),
            "failed"),
        Arguments.of(
            "remove",
            (BiFunction<QueueControl, String, Outcome>) (c, id) -> c.remove("email", id),
            (Consumer<QueueAdministrationService>) s -> s.remove(ADMIN, "email", "j1"),
            "not active"),
        Arguments.of(
            "promote",
            (BiFunction<QueueControl, String, Outcome>) (c, id) -> c.promote("email", id),
            (Consumer<QueueAdministrationService>) s -> s.promote(ADMIN, "email", "j1"),
            "delayed"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobActions")
  void aDoneActionReachesTheEngine(
      String name,
      BiFunction<QueueControl, String, Outcome> call,
      Consumer<QueueAdministrationService> action,
      String required) {
    when(call.apply(control, "j1")).thenReturn(Outcome.DONE);

    action.accept(service());

    call.apply(verify(control), "j1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobActions")
  void anActionOnAMissingJobIsNotFound(
      String name,
      BiFunction<QueueControl, String, Outcome> call,
      Consumer<QueueAdministrationService> action,
      String required) {
    when(call.apply(control, "j1")).thenReturn(Outcome.NOT_FOUND);

    assertThatThrownBy(() -> action.accept(service())).isInstanceOf(NotFoundException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("jobActions")
  void anActionOnAJobInTheWrongStateIsAConflict(
      String name,
      BiFunction<QueueControl, String, Outcome> call,
      Consumer<QueueAdministrationService> action,
      String required) {
    when(call.apply(control, "j1")).thenReturn(Outcome.WRONG_STATE);

    assertThatThrownBy(() -> action.accept(service()))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("Only a " + required + " job")
        .satisfies(e -> assertThat(((ConflictException) e).code()).isEqualTo("JOB_STATE_CONFLICT"));
  }

  @Test
  void bulkActionsReturnTheEngineCount() {
    when(control.retryAllFailed("default")).thenReturn(4L);
    when(control.cleanCompleted("high-priority")).thenReturn(120L);

    assertThat(service().retryAllFailed(ADMIN, "default")).isEqualTo(4L);
    assertThat(service().cleanCompleted(ADMIN, "high-priority")).isEqualTo(120L);
  }

  @Test
  void pauseAndResumeReachTheEngine() {
    service().pause(ADMIN, "email");
    service().resume(ADMIN, "default");

    verify(control).pause("email");
    verify(control).resume("default");
  }

  static JobSummary summary(String id) {
    return new JobSummary(
        id, "email", "email.send", JobState.FAILED, 0, 3, 3, 0, T0, null, T0, "smtp down");
  }
}
