package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Password reset end to end (issue #8 §7): the request answers the same for every address, the
 * email goes through the email queue to the file mailer, and the token from that email resets the
 * password once and ends every token and session of the account.
 */
class PasswordResetIT extends SharedE2eTest {
  static final String NEW_PASSWORD = "a brand new passphrase";
  final Mailbox mailbox = new Mailbox(DATA_DIR);

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
