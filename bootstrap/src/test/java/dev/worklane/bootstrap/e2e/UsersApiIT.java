package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

class UsersApiIT extends SharedE2eTest {
  @Autowired JdbcTemplate jdbc;

  @Test
  void meReturnsTheCallersAccount() {
    String email = uniqueEmail();
    String id = register(email);
    String token = login(email).get("accessToken").asString();

    Api.Response me = api().get("/api/v1/users/me", token);
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.data().get("id").asString()).isEqualTo(id);
    assertThat(me.data().get("email").asString()).isEqualTo(email);
    assertThat(me.data().get("status").asString()).isEqualTo("ACTIVE");
    assertThat(me.json().get("meta").get("requestId").asString()).isNotBlank();
  }

  @Test
  void patchMeChangesDisplayNameAndTimeZone() {
    String token = newUserToken();
    Api.Response patched =
        api()
            .call("PATCH", "/api/v1/users/me")
            .bearer(token)
            .json("{\"displayName\":\"Ada L.\",\"timeZone\":\"Europe/London\"}")
            .send();
    assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    assertThat(patched.data().get("displayName").asString()).isEqualTo("Ada L.");
    assertThat(patched.data().get("timeZone").asString()).isEqualTo("Europe/London");

    Api.Response partial =
        api()
            .call("PATCH", "/api/v1/users/me")
            .bearer(token)
            .json("{\"timeZone\":\"Asia/Tokyo\"}")
            .send();
    assertThat(partial.data().get("displayName").asString()).isEqualTo("Ada L.");
    assertThat(api().get("/api/v1/users/me", token).data().get("timeZone").asString())
        .isEqualTo("Asia/Tokyo");
  }

  @Test
  void patchMeRejectsNonIanaZonesAndBlankNames() {
    String token = newUserToken();
    Api.Response zone =
        api()
            .call("PATCH", "/api/v1/users/me")
            .bearer(token)
            .json("{\"timeZone\":\"+02:00\"}")
            .send();
    assertProblem(zone, 400, "VALIDATION_FAILED");
    assertThat(zone.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");

    Api.Response blank =
        api()
            .call("PATCH", "/api/v1/users/me")
            .bearer(token)
            .json("{\"displayName\":\"   \"}")
            .send();
    assertProblem(blank, 400, "VALIDATION_FAILED");
    assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("displayName");
  }

  @Test
  void adminDisablesAUserWhoseRefreshTokensStopWorking() {
    String adminEmail = uniqueEmail();
    String adminId = register(adminEmail);
    jdbc.update("insert into user_roles(user_id, role) values (?::uuid, 'ADMIN')", adminId);
    String admin = login(adminEmail).get("accessToken").asString();

    String victimEmail = uniqueEmail();
    String victimId = register(victimEmail);
    JsonNode victimTokens = login(victimEmail);

    Api.Response disabled =
        api().call("POST", "/api/v1/users/" + victimId + "/disable").bearer(admin).send();
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    assertThat(disabled.data().get("status").asString()).isEqualTo("DISABLED");

    Api.Response refresh =
        api()
            .postJson(
                "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + victimTokens.get("refreshToken").asString() + "\"}");
    assertProblem(refresh, 401, "INVALID_REFRESH_TOKEN");
  }

  @Test
  void onlyAdminsMayDisableAccounts() {
    String user = newUserToken();
    String other = register(uniqueEmail());
    assertProblem(
        api().call("POST", "/api/v1/users/" + other + "/disable").bearer(user).send(),
        403,
        "FORBIDDEN");
  }

  @Test
  void disableAnswers404ForAnUnknownUserAnd400ForABadUuid() {
    String adminEmail = uniqueEmail();
    String adminId = register(adminEmail);
    jdbc.update("insert into user_roles(user_id, role) values (?::uuid, 'ADMIN')", adminId);
    String admin = login(adminEmail).get("accessToken").asString();

    assertProblem(
        api()
            .call("POST", "/api/v1/users/00000000-0000-4000-8000-000000000000/disable")
            .bearer(admin)
            .send(),
        404,
        "NOT_FOUND");
    Api.Response bad = api().call("POST", "/api/v1/users/not-a-uuid/disable").bearer(admin).send();
    assertProblem(bad, 400, "INVALID_PARAMETER");
    assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
  }
}
