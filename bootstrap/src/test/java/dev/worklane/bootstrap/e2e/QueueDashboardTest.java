package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.application.service.job.Jobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the queue dashboard's tests share: the {@code test.flaky} job type (one context for them
 * all), admin and non-admin browser sessions, and the session's CSRF token.
 */
@Import(FlakyJobs.class)
abstract class QueueDashboardTest extends SharedE2eTest {
  static final String ADMIN_API = "/admin/queues/api";

  @Autowired JdbcTemplate jdbc;
  @Autowired Jobs jobs;

  /** A fresh account with the ADMIN role; returns its email. */
  String adminAccount() {
    String email = uniqueEmail();
    String id = register(email);
    jdbc.update("insert into user_roles(user_id, role) values (?::uuid, 'ADMIN')", id);
    return email;
  }

  /** Logs in through the browser-session endpoint and returns the session cookie's value. */
  String sessionOf(String email) {
    Api.Response login =
        api()
            .postJson(
                "/api/v1/auth/session",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
    assertThat(login.status()).as(login.toString()).isEqualTo(200);
    return SessionIT.cookie(login, "SESSION");
  }

  String csrfTokenOf(String session) {
    Api.Response csrf =
        SessionIT.withSession(api().call("GET", "/api/v1/auth/csrf"), session).send();
    assertThat(csrf.status()).as(csrf.toString()).isEqualTo(200);
    return csrf.data().get("token").asString();
  }
}
