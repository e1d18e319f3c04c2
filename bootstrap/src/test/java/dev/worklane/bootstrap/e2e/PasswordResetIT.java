package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import dev.worklane.application.port.model.queue.JobState;
import dev.worklane.application.port.out.QueueControl;
import dev.worklane.application.service.job.JobRelay;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Password reset end to end (issue #8 §7): the request answers the same for every address, the
 * email goes through the email queue to the file mailer, and the token from that email resets the
 * password once and ends every token and session of the account.
 */
class PasswordResetIT extends SharedE2eTest {
  static final String NEW_PASSWORD = "a brand new passphrase";

  /** application.yml's default {@code worklane.redis.queue-database}. */
  static final int QUEUE_DATABASE = 2;

  final Mailbox mailbox = new Mailbox(DATA_DIR);
  @Autowired JdbcTemplate jdbc;
  @Autowired QueueControl queues;
  @Autowired JobRelay relay;

  @Test
  void registrationQueuesAWelcomeEmail() {
    String email = uniqueEmail();
    register(email);

    Mailbox.Mail welcome = mailbox.awaitMail(email, "Welcome to Worklane", 1).get(0);
    assertThat(welcome.text()).contains("your Worklane account is ready");
    assertThat(welcome.messageId()).isNotBlank();
  }

  @Test
  void theWelcomeEmailCarriesNoTextTheRegistrantChose() {
    String email = uniqueEmail();
    Api.Response registered =
        api()
            .postJson(
                "/api/v1/auth/register",
                "{\"email\":\""
                    + email
                    + "\",\"password\":\""
                    + PASSWORD
                    + "\",\"displayName\":\"Locked! Verify at evil.example\"}");
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);

    Mailbox.Mail welcome = mailbox.awaitMail(email, "Welcome to Worklane", 1).get(0);
    assertThat(welcome.text()).contains("your Worklane account is ready");
    assertThat(welcome.text()).doesNotContain("evil.example").doesNotContain("Locked");
  }

  @Test
  void aRequestAnswersTheSameForKnownAndUnknownAddresses() {
    String known = uniqueEmail();
    register(known);
    String unknown = uniqueEmail();

    Api.Response forUnknown = requestReset(unknown);
    Api.Response forKnown = requestReset(known);

    assertThat(forKnown.status()).isEqualTo(202);
    assertThat(forUnknown.status()).isEqualTo(202);
    assertThat(forUnknown.data()).isEqualTo(forKnown.data());
    mailbox.awaitMail(known, "Reset your Worklane password", 1);
    assertThat(mailbox.to(unknown)).as("nobody is mailed for an unknown address").isEmpty();
  }

  @Test
  void theTokenFromTheEmailResetsThePasswordOnceAndEndsEverySessionAndToken() {
    String email = uniqueEmail();
    register(email);
    JsonNode tokens = login(email);
    String session = browserSession(email);
    assertThat(api().get("/api/v1/users/me", tokens.get("accessToken").asString()).status())
        .isEqualTo(200);

    assertThat(requestReset(email.toUpperCase()).status()).isEqualTo(202);
    String token =
        Mailbox.resetToken(mailbox.awaitMail(email, "Reset your Worklane password", 1).get(0));

    Api.Response confirm = confirm(token, NEW_PASSWORD);
    assertThat(confirm.status()).as(confirm.toString()).isEqualTo(204);

    assertThat(api().get("/api/v1/users/me", tokens.get("accessToken").asString()).status())
        .as("the access token issued before the reset")
        .isEqualTo(401);
    assertThat(
            api()
                .postJson(
                    "/api/v1/auth/refresh",
                    "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}")
                .status())
        .as("the refresh token issued before the reset")
        .isEqualTo(401);
    assertThat(
            SessionIT.withSession(api().call("GET", "/api/v1/users/me"), session).send().status())
        .as("the browser session opened before the reset")
        .isEqualTo(401);
    assertThat(loginWith(email, PASSWORD).status()).isEqualTo(401);
    assertThat(loginWith(email, NEW_PASSWORD).status()).isEqualTo(200);

    assertProblem(confirm(token, "yet another passphrase"), 400, "INVALID_RESET_TOKEN");
  }

  @Test
  void aNewerRequestVoidsTheOlderToken() {
    String email = uniqueEmail();
    register(email);
    requestReset(email);
    String first =
        Mailbox.resetToken(mailbox.awaitMail(email, "Reset your Worklane password", 1).get(0));
    requestReset(email);
    List<Mailbox.Mail> both = mailbox.awaitMail(email, "Reset your Worklane password", 2);
    String second =
        both.stream()
            .map(Mailbox::resetToken)
            .filter(t -> !t.equals(first))
            .findFirst()
            .orElseThrow();

    assertProblem(confirm(first, NEW_PASSWORD), 400, "INVALID_RESET_TOKEN");
    assertThat(confirm(second, NEW_PASSWORD).status()).isEqualTo(204);
  }

  @Test
  void unknownOrMalformedTokensAreRefusedWithoutSideEffects() {
    assertProblem(confirm("not-a-token", NEW_PASSWORD), 400, "INVALID_RESET_TOKEN");
    assertProblem(confirm("A".repeat(43), NEW_PASSWORD), 400, "INVALID_RESET_TOKEN"); // right shape
    assertProblem(confirm("x", "short"), 400, "VALIDATION_FAILED");
    assertProblem(
        api().postJson("/api/v1/auth/password-reset", "{\"email\":\"not an email\"}"),
        400,
        "VALIDATION_FAILED");
    assertProblem(
        api().postJson("/api/v1/auth/password-reset", "{\"email\":\"a@b.c\",\"extra\":1}"),
        400,
        "UNKNOWN_PROPERTY");
    assertProblem(
        api().postJson("/api/v1/auth/password-reset/confirm", "{\"token\":\"a\\u0000b\"}"),
        400,
        "VALIDATION_FAILED");
  }

  /**
   * The README promises that only the token's SHA-256 is kept: a job's data stays in the outbox
   * table and in the queue's Redis database (completed jobs for a day, failed ones until removed),
   * so the token must never be part of one (issue 12 item 12).
   */
  @Test
  void theTokenIsKeptInNoJobNeitherInTheOutboxNorInTheQueuesRedis() {
    String email = uniqueEmail();
    register(email);

    assertThat(requestReset(email).status()).isEqualTo(202);
    String token =
        Mailbox.resetToken(mailbox.awaitMail(email, "Reset your Worklane password", 1).get(0));
    await().atMost(Duration.ofSeconds(10)).until(() -> relay.pending() == 0 && queuesAreIdle());

    assertThat(jdbc.queryForList("select o::text from job_outbox o", String.class))
        .noneSatisfy(row -> assertThat(row).contains(token));
    List<String> queueData = redisValues(TestRedis.url(), QUEUE_DATABASE, REDIS_PREFIX);
    assertThat(queueData)
        .as("the finished jobs of this request are kept there, the address with them")
        .anySatisfy(value -> assertThat(value).contains(email));
    assertThat(queueData).noneSatisfy(value -> assertThat(value).contains(token));
  }

  private boolean queuesAreIdle() {
    return queues.overview().stream()
        .allMatch(
            q ->
                q.counts().getOrDefault(JobState.WAITING, 0L) == 0
                    && q.counts().getOrDefault(JobState.ACTIVE, 0L) == 0);
  }

  /** Every key and value under {@code prefix} in one Redis database, whatever its type. */
  static List<String> redisValues(String url, int database, String prefix) {
    Config config = new Config();
    config.useSingleServer().setAddress(url).setDatabase(database);
    RedissonClient client = Redisson.create(config);
    try {
      List<String> values = new ArrayList<>();
      for (String key : client.getKeys().getKeysByPattern(prefix + "*")) {
        values.add(key);
        RType type = client.getKeys().getType(key);
        switch (type) {
          case OBJECT ->
              values.add(String.valueOf(client.getBucket(key, StringCodec.INSTANCE).get()));
          case MAP ->
              client
                  .<String, String>getMap(key, StringCodec.INSTANCE)
                  .readAllMap()
                  .forEach((field, value) -> values.add(field + "=" + value));
          case LIST -> values.addAll(client.<String>getList(key, StringCodec.INSTANCE).readAll());
          case SET -> values.addAll(client.<String>getSet(key, StringCodec.INSTANCE).readAll());
          case ZSET ->
              values.addAll(client.<String>getScoredSortedSet(key, StringCodec.INSTANCE).readAll());
          case null, default ->
              throw new AssertionError("unread Redis type " + type + " of " + key);
        }
      }
      return values;
    } finally {
      client.shutdown();
    }
  }

  private Api.Response requestReset(String email) {
    return api().postJson("/api/v1/auth/password-reset", "{\"email\":\"" + email + "\"}");
  }

  private Api.Response confirm(String token, String password) {
    return api()
        .postJson(
            "/api/v1/auth/password-reset/confirm",
            "{\"token\":\"" + token + "\",\"newPassword\":\"" + password + "\"}");
  }

  private Api.Response loginWith(String email, String password) {
    return api()
        .postJson(
            "/api/v1/auth/login",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
  }

  private String browserSession(String email) {
    Api.Response login =
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return SessionIT.cookie(login, "SESSION");
  }
}
