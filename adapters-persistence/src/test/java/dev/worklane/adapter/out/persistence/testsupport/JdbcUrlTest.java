package dev.worklane.adapter.out.persistence.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlTest {

  @Test
  void takesCredentialsOutOfTheQueryAndKeepsOtherParameters() {
    JdbcUrl url =
        JdbcUrl.parse(
            "jdbc:postgresql://db.example:5433/postgres?user=admin&password=p%40ss&sslmode=require");

    assertThat(url.user()).isEqualTo("admin");
    assertThat(url.password()).isEqualTo("p@ss");
    assertThat(url.database()).isEqualTo("postgres");
    assertThat(url.withDatabase("wl_test_1"))
        .isEqualTo("jdbc:postgresql://db.example:5433/wl_test_1?sslmode=require");
  }

  @Test
  void defaultsToThePostgresDatabaseAndUser() {
    JdbcUrl url = JdbcUrl.parse("jdbc:postgresql://127.0.0.1:5432/");

    assertThat(url.database()).isEqualTo("postgres");
    assertThat(url.user()).isEqualTo("postgres");
    assertThat(url.password()).isNull();
    assertThat(url.withDatabase("x")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/x");
  }

  @Test
  void refusesOtherUrlsWithoutRepeatingThePassword() {
    assertThatThrownBy(() -> JdbcUrl.parse("jdbc:mysql://h/db?password=secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(TestPostgres.URL_VARIABLE)
        .hasMessageNotContaining("secret");
  }
}
