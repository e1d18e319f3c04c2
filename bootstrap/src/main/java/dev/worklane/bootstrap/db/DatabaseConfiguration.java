package dev.worklane.bootstrap.db;

import com.zaxxer.hikari.HikariDataSource;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.bootstrap.config.WorklaneProperties;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL wiring: {@code WORKLANE_DB_URL} when given, else an embedded server. The pool's
 * settings (min 2 / max 10, READ COMMITTED) come from {@code spring.datasource.hikari.*}.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {
  static final String CHANGELOG = "classpath:db/changelog/db.changelog-master.yaml";

  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("'${worklane.db.url:}'.isBlank()")
  EmbeddedPostgresServer embeddedPostgres(WorklaneProperties properties) {
    return EmbeddedPostgresServer.start(properties.dataDir());
  }

  @Bean
  DatabaseEndpoint databaseEndpoint(
      WorklaneProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
    WorklaneProperties.Db db = properties.db();
    if (db.embedded()) {
      return embedded.getObject().endpoint();
    }
    return new DatabaseEndpoint(db.url(), db.username(), db.password(), false);
  }

  @Bean
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(DatabaseEndpoint endpoint) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(endpoint.url());
    dataSource.setUsername(endpoint.username());
    dataSource.setPassword(endpoint.password());
    return dataSource;
  }

  @Bean
  DemoAccountsHolder demoAccounts(WorklaneProperties properties, PasswordHasher hasher) {
    return new DemoAccountsHolder(
        properties.demoEnabled()
            ? Optional.of(
                DemoAccounts.loadOrCreate(
                    properties.dataDir().resolve("demo-credentials.properties"), hasher))
            : Optional.empty());
  }

  /** Liquibase owns the schema; the {@code demo} context seeds demo accounts when enabled. */
  @Bean
  SpringLiquibase liquibase(DataSource dataSource, DemoAccountsHolder demo) {
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(dataSource);
    liquibase.setChangeLog(CHANGELOG);
    liquibase.setContexts(demo.accounts().isPresent() ? "demo" : "production");
    liquibase.setChangeLogParameters(
        demo.accounts().map(DemoAccounts::liquibaseParameters).orElse(Map.of()));
    return liquibase;
  }

  /** The demo accounts, when the demo is on (empty otherwise: a bean may not be null itself). */
  public record DemoAccountsHolder(Optional<DemoAccounts> accounts) {}
}
