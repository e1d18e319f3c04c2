package dev.worklane.application.service.auth;

import static dev.worklane.domain.fixtures.UserFixtures.T0;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.worklane.application.job.Job;
import dev.worklane.application.job.PermanentJobFailure;
import dev.worklane.application.job.SecretEmails;
import dev.worklane.application.port.in.auth.ConfirmPasswordResetCommand;
import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.CacheKey;
import dev.worklane.application.port.out.EmailMessage;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.application.port.out.PasswordResetTokenRepository;
import dev.worklane.application.port.out.RateLimiter;
import dev.worklane.application.port.out.RateLimiter.Decision;
import dev.worklane.application.port.out.RateLimiter.Scope;
import dev.worklane.application.port.out.RefreshTokenRepository;
import dev.worklane.application.port.out.Revocation;
import dev.worklane.application.port.out.RevocationLedger;
import dev.worklane.application.port.out.TokenRevocations;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.DirectTransactions;
import dev.worklane.application.service.RecordingJobQueue;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.domain.auth.InvalidResetTokenException;
import dev.worklane.domain.auth.PasswordResetToken;
import dev.worklane.domain.common.RateLimitedException;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.Password;
import dev.worklane.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class PasswordResetServiceTest {
  static final Instant NOW = T0.plus(Duration.ofDays(3));
  static final String TOKEN = "the-token-from-the-email";
  static final Password NEW_PASSWORD = new Password("a brand new passphrase");

  @Mock UserRepository users;
  @Mock PasswordResetTokenRepository resetTokens;
  @Mock RefreshTokenRepository refreshTokens;
  @Mock RevocationLedger ledger;
  @Mock TokenRevocations replica;
  @Mock PasswordHasher hasher;
  @Mock RateLimiter limiter;
  @Mock Cache cache;
  @Mock Runnable commit;
  final RecordingJobQueue queue = new RecordingJobQueue();
  final List<EmailMessage> mails = new ArrayList<>();
  final SecretEmails emails = new SecretEmails(mails::add, "https://worklane.example.com");
  final User ada = aUser().email("ada@example.com").build();
  DirectTransactions transactions;

  PasswordResetService service(RateLimiter rateLimiter) {
    transactions = new DirectTransactions(commit);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return new PasswordResetService(
        users,
        resetTokens,
        refreshTokens,
        new RevocationService(ledger, replica, transactions, Duration.ofDays(30), clock),
        hasher,
        rateLimiter,
        queue.jobs(transactions),
        transactions,
        new CachedWrites(cache, transactions),
        clock);
  }

  PasswordResetService service() {
    return service(limiter);
  }

  static String sha256Hex(String value) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  void allow() {
    when(limiter.tryConsume(any(), any()))
        .thenReturn(
            new Decision(
                Scope.PASSWORD_RESET, true, 3, 2, Duration.ofHours(1), Duration.ofMinutes(20)));
  }

  /** The request, then the job it queued, run as a worker would run it. */
  void request(PasswordResetService service, String email) throws Exception {
    int before = queue.requests().size();
    service.requestReset(new Email(email));
    List<JobRequest> queued = queue.requests().subList(before, queue.requests().size());
    assertThat(queued)
        .as("the request itself only queues the lookup job, whatever the address")
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.type()).isEqualTo(PasswordResetService.JOB_TYPE);
              assertThat(job.payload()).containsOnlyKeys("secret.email");
            });
    service.requestHandler(emails).handle(new QueuedJob(queued.getFirst()));
    assertThat(queue.requests())
        .as("the token is mailed by the job itself, never queued in another one")
        .hasSize(before + 1);
  }

  static String tokenIn(EmailMessage mail) {
    Matcher matcher = Pattern.compile("Your reset token: (\\S+)").matcher(mail.text());
    assertThat(matcher.find()).as(mail.text()).isTrue();
    return matcher.group(1);
  }

  /** A job as the handler sees it, from what was queued. */
  record QueuedJob(JobRequest request) implements Job {
    @Override
    public String id() {
      return "job-1";
    }

    @Override
    public String queue() {
      return request.queue();
    }

    @Override
    public String type() {
      return request.type();
    }

    @Override
    public Map<String, String> payload() {
      return request.payload();
    }

    @Override
    public int attempt() {
      return 1;
    }

    @Override
    public int maxAttempts() {
      return 3;
    }

    @Override
    public void progress(int percent) {}

    @Override
    public void log(String line) {}

    @Override
    public boolean cancelled() {
      return false;
    }
  }

  // ---- request ----

  @Test
  void aRequestJobWithoutAValidAddressFailsForGood() {
    JobRequest broken = JobRequest.of("default", PasswordResetService.JOB_TYPE, Map.of());
    assertThatThrownBy(() -> service().requestHandler(emails).handle(new QueuedJob(broken)))
        .isInstanceOf(PermanentJobFailure.class);
    assertThat(service().requestHandler(emails).type()).isEqualTo("auth.password-reset");
    assertThat(mails).isEmpty();
  }

  @Test
  void aKnownActiveEmailGetsAHashedTokenAndOneEmail() throws Exception {
    allow();
    when(users.findByEmail(new Email("ada@example.com"))).thenReturn(Optional.of(ada));

    request(service(), "Ada@Example.com");

    ArgumentCaptor<PasswordResetToken> stored = ArgumentCaptor.forClass(PasswordResetToken.class);
    InOrder order = inOrder(resetTokens);
    // older tokens are used up first, so only the newest email works
    order.verify(resetTokens).useAllOf(ada.id(), NOW);
    order.verify(resetTokens).add(stored.capture());

    assertThat(mails).hasSize(1);
    EmailMessage mail = mails.getFirst();
    assertThat(mail.to()).isEqualTo("ada@example.com");
    assertThat(mail.subject()).isEqualTo("Reset your Worklane password");
    assertThat(mail.text()).contains("within 60 minutes");
    String emailedToken = tokenIn(mail);
    assertThat(queue.requests())
        .allSatisfy(job -> assertThat(job.payload().values()).doesNotContain(emailedToken));

    PasswordResetToken token = stored.getValue();
    assertThat(token.tokenHash())
        .isEqualTo(sha256Hex(emailedToken))
        .isNotEqualTo(emailedToken)
        .doesNotContain(emailedToken);
    assertThat(token.userId()).isEqualTo(ada.id());
    assertThat(token.createdAt()).isEqualTo(NOW);
    assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(token.usedAt()).isNull();
    assertThat(transactions.opened()).as("the request's and the job's").isEqualTo(2);
    verify(limiter).tryConsume(Scope.PASSWORD_RESET, "ada@example.com");
  }

  @Test
  void everyRequestMintsAFreshToken() throws Exception {
    allow();
    when(users.findByEmail(any())).thenReturn(Optional.of(ada));
    PasswordResetService service = service();

    request(service, "ada@example.com");
    request(service, "ada@example.com");

    assertThat(mails).hasSize(2);
    assertThat(tokenIn(mails.get(0))).isNotEqualTo(tokenIn(mails.get(1)));
    verify(resetTokens, times(2)).useAllOf(ada.id(), NOW);
  }

  /**
   * A failed send fails the attempt; the retry mints a fresh token and uses up the one the failed
   * attempt stored (and may have delivered after all), so only the latest email works.
   */
  @Test
  void aRetryAfterAFailedSendMailsAFreshTokenAndVoidsTheFirst() throws Exception {
    allow();
    when(users.findByEmail(any())).thenReturn(Optional.of(ada));
    PasswordResetService service = service();
    service.requestReset(new Email("ada@example.com"));
    QueuedJob job = new QueuedJob(queue.requests().getLast());
    RuntimeException down = new RuntimeException("smtp down");
    List<EmailMessage> tried = new ArrayList<>();

    assertThatThrownBy(
            () ->
                service
                    .requestHandler(
                        new SecretEmails(
                            m -> {
                              tried.add(m);
                              throw down;
                            },
                            "https://worklane.example.com"))
                    .handle(job))
        .isSameAs(down);
    service.requestHandler(emails).handle(job);

    ArgumentCaptor<PasswordResetToken> stored = ArgumentCaptor.forClass(PasswordResetToken.class);
    InOrder order = inOrder(resetTokens);
    order.verify(resetTokens).useAllOf(ada.id(), NOW);
    order.verify(resetTokens).add(stored.capture());
    order.verify(resetTokens).useAllOf(ada.id(), NOW);
    order.verify(resetTokens).add(stored.capture());
    String first = tokenIn(tried.getFirst());
    String second = tokenIn(mails.getFirst());
    assertThat(second).isNotEqualTo(first);
    assertThat(stored.getAllValues())
        .extracting(PasswordResetToken::tokenHash)
        .containsExactly(sha256Hex(first), sha256Hex(second));
    assertThat(queue.requests()).hasSize(1);
  }

  @Test
  void anUnknownEmailStoresNothingQueuesNothingAndAnswersTheSame() {
    allow();
    when(users.findByEmail(new Email("nobody@example.com"))).thenReturn(Optional.empty());

    assertThatCode(() -> request(service(), "nobody@example.com")).doesNotThrowAnyException();

    verifyNoInteractions(resetTokens);
    assertThat(mails).isEmpty();
    // the same work as for a known address: one budget unit, one queued lookup job
    verify(limiter).tryConsume(Scope.PASSWORD_RESET, "nobody@example.com");
    assertThat(transactions.opened()).isEqualTo(2);
  }

  @Test
  void aDisabledAccountGetsNoTokenAndNoEmail() {
    allow();
    User disabled = aUser().email("gone@example.com").disabled().build();
    when(users.findByEmail(new Email("gone@example.com"))).thenReturn(Optional.of(disabled));

    assertThatCode(() -> request(service(), "gone@example.com")).doesNotThrowAnyException();

    verifyNoInteractions(resetTokens);
    assertThat(mails).isEmpty();
  }

  @Test
  void anExhaustedBudgetIsRateLimitedBeforeAnyLookup() {
    when(limiter.tryConsume(Scope.PASSWORD_RESET, "ada@example.com"))
        .thenReturn(
            new Decision(
                Scope.PASSWORD_RESET, false, 3, 0, Duration.ofHours(1), Duration.ofMinutes(17)));

    assertThatThrownBy(() -> service().requestReset(new Email("ada@example.com")))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.policy()).isEqualTo("password-reset");
              assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(17));
              assertThat(e.code()).isEqualTo("RATE_LIMITED");
            });
    verifyNoInteractions(users, resetTokens);
    assertThat(queue.requests()).isEmpty();
    assertThat(transactions.opened()).isZero();
  }

  @Test
  void withRateLimitsOffThereIsNoLimit() throws Exception {
    when(users.findByEmail(any())).thenReturn(Optional.of(ada));
    PasswordResetService unlimited = service(RateLimiter.unlimited());

    for (int i = 0; i < 10; i++) {
      request(unlimited, "ada@example.com");
    }

    assertThat(mails).hasSize(10);
    verifyNoInteractions(limiter);
  }

  // ---- confirm ----

  PasswordResetToken tokenOf(User owner, Instant issued) throws Exception {
    return PasswordResetToken.issue(sha256Hex(TOKEN), owner.id(), issued, Duration.ofHours(1));
  }

  @Test
  void aValidTokenSetsTheNewPasswordAndEndsEverySession() throws Exception {
    when(hasher.hash(NEW_PASSWORD)).thenReturn("$new$");
    when(resetTokens.findForUpdate(sha256Hex(TOKEN)))
        .thenReturn(Optional.of(tokenOf(ada, NOW.minus(Duration.ofMinutes(10)))));
    when(users.findById(ada.id())).thenReturn(Optional.of(ada));
    when(users.update(any())).thenAnswer(inv -> inv.getArgument(0));

    service().confirmReset(new ConfirmPasswordResetCommand(TOKEN, NEW_PASSWORD));

    ArgumentCaptor<User> updated = ArgumentCaptor.forClass(User.class);
    verify(users).update(updated.capture());
    assertThat(updated.getValue().id()).isEqualTo(ada.id());
    assertThat(updated.getValue().passwordHash()).isEqualTo("$new$");
    assertThat(updated.getValue().updatedAt()).isEqualTo(NOW);
    assertThat(updated.getValue().isActive()).isTrue();

    InOrder order = inOrder(cache, resetTokens, users, refreshTokens, ledger, commit);
    order.verify(cache).evict(CacheKey.user(ada.id()));
    order.verify(resetTokens).useAllOf(ada.id(), NOW);
    order.verify(users).update(any());
    order.verify(refreshTokens).revokeAllOf(ada.id(), NOW);
    // stamped inside the transaction, and again once it committed
    order.verify(ledger).record(Revocation.notBefore(ada.id(), NOW));
    order.verify(commit).run();
    order.verify(cache).evict(CacheKey.user(ada.id()));
    order.verify(ledger).record(Revocation.notBefore(ada.id(), NOW));
    verify(cache, times(2)).evict(CacheKey.user(ada.id()));
    verify(ledger, times(2)).record(any());
  }

  @Test
  void theTokenIsLookedUpByItsHashNeverInTheClear() throws Exception {
    when(hasher.hash(NEW_PASSWORD)).thenReturn("$new$");
    when(resetTokens.findForUpdate(any())).thenReturn(Optional.empty());

    assertThatThrownBy(
        () -> service().confirmReset(new ConfirmPasswordResetCommand(TOKEN, NEW_PASSWORD)));

    verify(resetTokens).findForUpdate(sha256Hex(TOKEN));
    verify(resetTokens, never()).findForUpdate(TOKEN);
  }

  @Test
  void anUnknownTokenIsInvalidAndWritesNothing() throws Exception {
    when(resetTokens.findForUpdate(sha256Hex(TOKEN))).thenReturn(Optional.empty());

    assertInvalidAndNothingWritten();
    verifyNoInteractions(users);
  }

  @Test
  void anExpiredTokenIsInvalidAndWritesNothing() throws Exception {
    // issued exactly one hour ago: it expires now
    when(resetTokens.findForUpdate(sha256Hex(TOKEN)))
        .thenReturn(Optional.of(tokenOf(ada, NOW.minus(Duration.ofHours(1)))));

    assertInvalidAndNothingWritten();
    verifyNoInteractions(users);
  }

  @Test
  void aUsedTokenIsInvalidAndWritesNothing() throws Exception {
    PasswordResetToken fresh = tokenOf(ada, NOW.minus(Duration.ofMinutes(5)));
    PasswordResetToken used =
        new PasswordResetToken(
            fresh.tokenHash(),
            fresh.userId(),
            fresh.createdAt(),
            fresh.expiresAt(),
            NOW.minus(Duration.ofMinutes(1)));
    when(resetTokens.findForUpdate(sha256Hex(TOKEN))).thenReturn(Optional.of(used));

    assertInvalidAndNothingWritten();
    verifyNoInteractions(users);
  }

  @Test
  void aTokenOfADisabledAccountIsInvalidAndWritesNothing() throws Exception {
    User disabled = aUser().disabled().build();
    when(resetTokens.findForUpdate(sha256Hex(TOKEN)))
        .thenReturn(Optional.of(tokenOf(disabled, NOW.minus(Duration.ofMinutes(5)))));
    when(users.findById(disabled.id())).thenReturn(Optional.of(disabled));

    assertInvalidAndNothingWritten();
    verify(users, never()).update(any());
  }

  @Test
  void aTokenOfADeletedAccountIsInvalid() throws Exception {
    when(resetTokens.findForUpdate(sha256Hex(TOKEN)))
        .thenReturn(Optional.of(tokenOf(ada, NOW.minus(Duration.ofMinutes(5)))));
    when(users.findById(ada.id())).thenReturn(Optional.empty());

    assertInvalidAndNothingWritten();
    verify(users, never()).update(any());
  }

  private void assertInvalidAndNothingWritten() {
    assertThatThrownBy(
            () -> service().confirmReset(new ConfirmPasswordResetCommand(TOKEN, NEW_PASSWORD)))
        .isInstanceOfSatisfying(
            InvalidResetTokenException.class,
            e -> assertThat(e.code()).isEqualTo("INVALID_RESET_TOKEN"));
    verify(resetTokens, never()).useAllOf(any(), any());
    verify(resetTokens, never()).add(any());
    verifyNoInteractions(refreshTokens, ledger, replica, cache, commit);
  }
}
