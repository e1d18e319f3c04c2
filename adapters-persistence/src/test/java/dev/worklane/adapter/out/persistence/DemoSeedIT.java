package dev.worklane.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.testsupport.PostgresTestProperties;
import dev.worklane.adapter.out.persistence.testsupport.TestPostgres;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestConstructor;

/**
 * The demo context (SPEC 11): three accounts, one per role, whose password hashes arrive as
 * changelog parameters the way bootstrap passes them ({@code spring.liquibase.parameters.*}). Its
 * own context and database, since it runs Liquibase with another context.
 */
@SpringBootTest(
    classes = PersistenceTestApplication.class,
    properties = {
      "spring.jpa.hibernate.ddl-auto=validate",
      "spring.jpa.open-in-view=false",
      "spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml",
      "spring.liquibase.contexts=demo",
      "spring.main.banner-mode=off"
    })
@ContextConfiguration(initializers = PostgresTestProperties.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class DemoSeedIT {

  private static final String CHANGE_LOG = "classpath:db/changelog/db.changelog-master.yaml";

  // Made up per run, shaped like bcrypt: nothing resembling a credential lives in the repository.
  private static final Map<String, String> HASHES =
      Map.of(
          "admin", fakeBcrypt(),
          "manager", fakeBcrypt(),
          "user", fakeBcrypt());

  private final UserRepository users;
  private final ProfileRepository profiles;

  DemoSeedIT(UserRepository users, ProfileRepository profiles) {
    this.users = users;
    this.profiles = profiles;
  }

  @DynamicPropertySource
  static void demoPasswordHashes(DynamicPropertyRegistry registry) {
    HASHES.forEach(
        (account, hash) ->
            registry.add(
                "spring.liquibase.parameters.demo." + account + ".password-hash", () -> hash));
  }

  @Test
  void seedsOneActiveAccountPerRoleWithItsHashAndAProfile() {
    assertDemoAccount("admin", Role.ADMIN);
    assertDemoAccount("manager", Role.MANAGER);
    assertDemoAccount("user", Role.USER);
  }

  private void assertDemoAccount(String name, Role role) {
    User user = users.findByEmail(new Email(name + "@worklane.local")).orElseThrow();
    assertThat(user.roles()).containsExactly(role);
    assertThat(user.isActive()).isTrue();
    assertThat(user.passwordHash()).isEqualTo(HASHES.get(name));
    assertThat(profiles.findByUserId(user.id()))
        .hasValueSatisfying(profile -> assertThat(profile.displayName()).startsWith("Demo "));
  }

  /** Without the parameters Liquibase must stop, not store "${...}" as a password hash. */
  @Test
  void demoContextWithoutHashParametersHaltsAndSeedsNothing() throws Exception {
    TestPostgres.Database database = TestPostgres.freshDatabase();
    SpringLiquibase liquibase = new SpringLiquibase();
    liquibase.setDataSource(
        new DriverManagerDataSource(
            database.jdbcUrl(),
            database.username(),
            database.password() == null ? "" : database.password()));
    liquibase.setResourceLoader(new DefaultResourceLoader());
    liquibase.setChangeLog(CHANGE_LOG);
    liquibase.setContexts("demo");

    assertThatThrownBy(liquibase::afterPropertiesSet)
        .hasStackTraceContaining("demo.admin.password-hash");

    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("select count(*) from users")) {
      count.next();
      assertThat(count.getInt(1)).isZero();
    }
  }

  private static String fakeBcrypt() {
    String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    SecureRandom random = new SecureRandom();
    StringBuilder hash = new StringBuilder("$2a$10$");
    for (int i = 0; i < 53; i++) {
      hash.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return hash.toString();
  }
}
