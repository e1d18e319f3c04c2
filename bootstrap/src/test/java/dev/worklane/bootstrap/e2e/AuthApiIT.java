package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class AuthApiIT extends SharedE2eTest {
  @Autowired JdbcTemplate jdbc;

  @Test
  void registerCreatesUserWithRoleUserAndProfile() {
    Api.Response response =
        api()
            .postJson(
                "/api/v1/auth/register",
                "{\"email\":\"  Grace.Hopper+X@Example.COM \",\"password\":\""
                    + PASSWORD
                    + "\",\"displayName\":\"Grace\"}");

    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    assertThat(response.header("Location")).isEqualTo("/api/v1/users/me");
    assertThat(response.header("Content-Type")).startsWith("application/json");
    JsonNode data = response.data();
    assertThat(data.get("email").asString()).isEqualTo("grace.hopper+x@example.com");
    assertThat(data.get("roles").get(0).asString()).isEqualTo("USER");
    assertThat(data.get("roles").size()).isEqualTo(1);
    assertThat(data.get("displayName").asString()).isEqualTo("Grace");
    assertThat(data.get("timeZone").asString()).isEqualTo("UTC");
    assertThat(data.has("passwordHash")).isFalse();
    JsonNode meta = response.json().get("meta");
    assertThat(meta.get("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
    assertThat(meta.get("timestamp").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

    String id = data.get("id").asString();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from profiles where user_id = ?::uuid", Integer.class, id))
        .isEqualTo(1);
    String hash =
        jdbc.queryForObject("select password_hash from users where id = ?::uuid", String.class, id);
    assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
  }

  @Test
  void registerRejectsAnEmailAlreadyTakenInAnyCase() {
    String email = uniqueEmail();
    register(email);
    Api.Response again =
        api()
            .postJson(
                "/api/v1/auth/register",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + PASSWORD + "\"}");
    assertProblem(again, 409, "EMAIL_TAKEN");
  }

  @Test
  void registerValidatesPasswordLengthAndEmail() {
    Api.Response shortPassword =
        api()
            .postJson(
                "/api/v1/auth/register",
                "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"elevenchars\"}");
    assertProblem(shortPassword, 400, "VALIDATION_FAILED");
    assertThat(shortPassword.json().get("errors").get(0).get("field").asString())
        .isEqualTo("password");

    Api.Response longPassword =
        api()
            .postJson(
                "/api/v1/auth/register",
                "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + "p".repeat(129) + "\"}");
    assertProblem(longPassword, 400, "VALIDATION_FAILED");

    Api.Response badEmail =
        api()
            .postJson(
                "/api/v1/auth/register",
                "{\"email\":\"not-an-email\",\"password\":\"" + PASSWORD + "\"}");
    assertProblem(badEmail, 400, "VALIDATION_FAILED");
    assertThat(badEmail.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
  }

  @Test
  void aPasswordOfOneHundredTwentyEightCharactersWorks() {
    String email = uniqueEmail();
    String longPassword = "ü".repeat(128); // 256 UTF-8 bytes: beyond BCrypt's 72
    assertThat(
            api()
                .postJson(
                    "/api/v1/auth/register",
                    "{\"email\":\"" + email + "\",\"password\":\"" + longPassword + "\"}")
                .status())
        .isEqualTo(201);
    Api.Response ok =
        api()
            .postJson(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + longPassword + "\"}");
    assertThat(ok.status()).isEqualTo(200);
    Api.Response almost =
        api()
            .postJson(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + "ü".repeat(127) + "u\"}");
    assertThat(almost.status()).isEqualTo(401);
  }

  @Test
  void loginIssuesAnEs256AccessTokenWithTheSpecClaims() throws Exception {
    String email = uniqueEmail();
    String id = register(email);
    JsonNode tokens = login(email);

    assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
    assertThat(tokens.get("expiresIn").asLong()).isEqualTo(7 * 24 * 3600);
    assertThat(tokens.get("refreshToken").asString()).matches("[A-Za-z0-9_-]{43}");
    String[] parts = tokens.get("accessToken").asString().split("\\.");
    JsonNode header = Api.JSON.readTree(decode(parts[0]));
    JsonNode claims = Api.JSON.readTree(decode(parts[1]));
    assertThat(header.get("alg").asString()).isEqualTo("ES256");
    assertThat(header.get("kid").asString()).isNotBlank();
    assertThat(claims.get("sub").asString()).isEqualTo(id);
    assertThat(claims.get("email").asString()).isEqualTo(email);
    assertThat(claims.get("roles").get(0).asString()).isEqualTo("USER");
    assertThat(claims.get("iss").asString()).isEqualTo("https://worklane.test");
    assertThat(claims.get("aud").toString()).contains("worklane-test");
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(7 * 24 * 3600);
    assertThat(claims.get("jti").asString()).isNotBlank();

    Api.Response me = api().get("/api/v1/users/me", tokens.get("accessToken").asString());
    assertThat(me.status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordAndUnknownEmailGiveTheSameAnswer() {
    String email = uniqueEmail();
    register(email);
    Api.Response wrong =
        api()
            .postJson(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"not the password\"}");
    Api.Response unknown =
        api()
            .postJson(
                "/api/v1/auth/login",
                "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"not the password\"}");
    assertProblem(wrong, 401, "INVALID_CREDENTIALS");
    assertProblem(unknown, 401, "INVALID_CREDENTIALS");
    assertThat(wrong.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    assertThat(wrong.json().get("title")).isEqualTo(unknown.json().get("title"));
  }

  @Test
  void refreshRotatesTheTokenAndReuseRevokesTheWholeFamily() {
    String email = uniqueEmail();
    register(email);
    String first = login(email).get("refreshToken").asString();

    Api.Response rotated =
        api().postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + first + "\"}");
    assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
    String second = rotated.data().get("refreshToken").asString();
    assertThat(second).isNotEqualTo(first);
    assertThat(api().get("/api/v1/users/me", rotated.data().get("accessToken").asString()).status())
        .isEqualTo(200);

    Api.Response reuse =
        api().postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + first + "\"}");
    assertProblem(reuse, 401, "INVALID_REFRESH_TOKEN");
    // the thief's replay also kills the legitimate successor
    Api.Response successor =
        api().postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"" + second + "\"}");
    assertProblem(successor, 401, "INVALID_REFRESH_TOKEN");
  }

  @Test
  void refreshRejectsUnknownAndMissingTokens() {
    assertProblem(
        api().postJson("/api/v1/auth/refresh", "{\"refreshToken\":\"no-such-token\"}"),
        401,
        "INVALID_REFRESH_TOKEN");
    assertProblem(api().postJson("/api/v1/auth/refresh", "{}"), 400, "VALIDATION_FAILED");
  }

  @Test
  void logoutRevokesTheRefreshFamily() {
    String email = uniqueEmail();
    register(email);
    JsonNode tokens = login(email);
    String access = tokens.get("accessToken").asString();

    Api.Response logout = api().call("POST", "/api/v1/auth/logout").bearer(access).send();
    assertThat(logout.status()).isEqualTo(204);

    Api.Response refresh =
        api()
            .postJson(
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + tokens.get("refreshToken").asString() + "\"}");
    assertProblem(refresh, 401, "INVALID_REFRESH_TOKEN");
  }

  @Test
  void logoutNeedsAnAccessToken() {
    assertProblem(api().call("POST", "/api/v1/auth/logout").send(), 401, "UNAUTHENTICATED");
  }

  @Test
  void aDisabledAccountCannotLogIn() {
    String email = uniqueEmail();
    String id = register(email);
    jdbc.update("update users set status = 'DISABLED' where id = ?::uuid", id);
    assertProblem(
        api()
            .postJson(
                "/api/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"),
        401,
        "INVALID_CREDENTIALS");
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
