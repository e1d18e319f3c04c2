package dev.worklane.adapter.out.persistence.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class FreshDatabaseIT {

  @Test
  void everyFreshDatabaseIsNewEmptyAndOnTheSameServer() throws Exception {
    TestPostgres.Database first = TestPostgres.freshDatabase();
    TestPostgres.Database second = TestPostgres.freshDatabase();

    assertThat(first.name()).startsWith("wl_test_").isNotEqualTo(second.name());
    assertThat(TestPostgres.source()).isIn("environment", "testcontainers", "embedded");
    try (Connection connection = first.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("create table only_in_first (id int)");
    }
    try (Connection connection = second.connect();
        Statement statement = connection.createStatement();
        ResultSet tables =
            statement.executeQuery(
                "select current_database(), count(*) from information_schema.tables"
                    + " where table_schema = 'public'")) {
      tables.next();
      assertThat(tables.getString(1)).isEqualTo(second.name());
      assertThat(tables.getInt(2)).isZero();
    }
  }

  @Test
  void serverIsARecentPostgresqlWithUtf8() throws Exception {
    try (Connection connection = TestPostgres.freshDatabase().connect();
        Statement statement = connection.createStatement();
        ResultSet settings =
            statement.executeQuery(
                "select current_setting('server_version_num')::int, pg_encoding_to_char(encoding)"
                    + " from pg_database where datname = current_database()")) {
      settings.next();
      assertThat(settings.getInt(1)).isGreaterThanOrEqualTo(140000);
      assertThat(settings.getString(2)).isEqualTo("UTF8");
    }
  }
}
