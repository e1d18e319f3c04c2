package dev.worklane.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/** Liquibase owns the schema; Hibernate only validates it. */
@PersistenceIntegrationTest
class SchemaIT {

  private final JdbcTemplate jdbc;
  private final Environment environment;
  private final EntityManagerFactory entityManagerFactory;

  SchemaIT(JdbcTemplate jdbc, Environment environment, EntityManagerFactory entityManagerFactory) {
    this.jdbc = jdbc;
    this.environment = environment;
    this.entityManagerFactory = entityManagerFactory;
  }

  /** The context started, so validation passed; this checks that validation really ran. */
  @Test
  void hibernateValidatesEveryEntityAgainstTheLiquibaseSchema() {
    assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");
    assertThat(entityManagerFactory.getMetamodel().getEntities())
        .extracting(entity -> entity.getName())
        .containsExactlyInAnyOrder(
            "UserEntity",
            "ProfileEntity",
            "RefreshTokenEntity",
            "ProjectEntity",
            "TaskEntity",
            "AttachmentEntity",
            "ReportEntity");
    assertThat(jdbc.queryForList("select id from databasechangelog", String.class))
        .contains(
            "20261125-01-users-table",
            "20261125-01-users-email-unique-index",
            "20261125-01-user-roles-table",
            "20261125-02-profiles-table",
            "20261125-03-refresh-tokens-table",
            "20261125-03-refresh-tokens-indexes",
            "20261201-03-projects-table",
            "20261201-03-projects-indexes",
            "20261201-04-project-members-table",
            "20261201-04-project-members-indexes",
            "20261201-05-tasks-table",
            "20261201-05-tasks-indexes",
            "20261201-07-job-outbox-table",
            "20261201-08-password-reset-tokens-table",
            "20261201-08-password-reset-tokens-indexes",
            "20261206-01-attachments-table",
            "20261206-01-attachments-indexes",
            "20261206-03-profile-avatar-key",
            "20261206-02-reports-table",
            "20261206-02-reports-indexes");
  }

  @Test
  void demoAccountsAreNotSeededWithoutTheDemoContext() {
    assertThat(jdbc.queryForList("select id from databasechangelog", String.class))
        .doesNotContain("20261125-04-demo-accounts", "20261201-06-demo-project");
    assertThat(
            jdbc.queryForObject("select count(*) from projects where key = 'DEMO'", Integer.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from users where email like '%@worklane.local'", Integer.class))
        .isZero();
  }

  /** Every foreign key is the leading part of some index. */
  @Test
  void everyForeignKeyIsIndexed() {
    List<String> unindexed =
        jdbc.queryForList(
            """
            select c.conrelid::regclass::text || '.' || c.conname
              from pg_constraint c
             where c.contype = 'f'
               and c.connamespace = 'public'::regnamespace
               and not exists (
                 select 1 from pg_index i
                  where i.indrelid = c.conrelid
                    and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)]
                        @> c.conkey
                    and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)]
                        <@ c.conkey)
            """,
            String.class);

    assertThat(unindexed).isEmpty();
  }

  @Test
  void emailsAreUniqueThroughAnIndexOnLowerEmail() {
    String definition =
        jdbc.queryForObject(
            "select indexdef from pg_indexes where indexname = 'ux_users_email_lower'",
            String.class);

    assertThat(definition).containsIgnoringCase("unique").containsIgnoringCase("lower(");
  }

  @Test
  void timestampsAreStoredWithTimeZone() {
    List<String> naive =
        jdbc.queryForList(
            """
            select table_name || '.' || column_name from information_schema.columns
             where table_schema = 'public' and data_type = 'timestamp without time zone'
               and table_name not like 'databasechangelog%'
            """,
            String.class);

    assertThat(naive).isEmpty();
  }
}
