package dev.worklane.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.worklane.adapter.out.persistence.testsupport.PostgresTestProperties;
import dev.worklane.adapter.out.persistence.testsupport.TestPostgres;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.task.TaskFilter;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.task.Task;
import dev.worklane.domain.task.TaskPriority;
import dev.worklane.domain.task.TaskStatus;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import dev.worklane.domain.user.UserId;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
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
 * The demo context: three accounts, one per role, whose password hashes arrive as changelog
 * parameters the way bootstrap passes them ({@code spring.liquibase.parameters.*}). Its own context
 * and database, since it runs Liquibase with another context.
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

  private static final ProjectId DEMO_PROJECT =
      new ProjectId(UUID.fromString("00000000-0000-4000-8000-00000000d001"));

  private final UserRepository users;
  private final ProfileRepository profiles;
  private final ProjectRepository projects;
  private final TaskRepository tasks;
  private final Transactions transactions;

  DemoSeedIT(
      UserRepository users,
      ProfileRepository profiles,
      ProjectRepository projects,
      TaskRepository tasks,
      Transactions transactions) {
    this.users = users;
    this.profiles = profiles;
    this.projects = projects;
    this.tasks = tasks;
    this.transactions = transactions;
  }

  /** Issue #7 §7: project DEMO, the manager's, shared with the other two, 200 tasks in it. */
  @Test
  void seedsTheDemoProjectWithItsMembersAndTwoHundredTasks() {
    Project project = projects.findById(DEMO_PROJECT).orElseThrow();
    User manager = users.findByEmail(new Email("manager@worklane.local")).orElseThrow();

    assertThat(project.key().value()).isEqualTo("DEMO");
    assertThat(project.ownerId()).isEqualTo(manager.id());
    assertThat(project.archived()).isFalse();
    assertThat(projects.members(DEMO_PROJECT, new PageRequest(1, 20)).items())
        .extracting(member -> member.userId(), member -> member.role())
        .containsExactly(
            tuple(manager.id(), ProjectRole.OWNER),
            tuple(userId("admin"), ProjectRole.MEMBER),
            tuple(userId("user"), ProjectRole.MEMBER));

    List<Task> all = new ArrayList<>();
    CursorPage<Task> page = tasks.list(DEMO_PROJECT, TaskFilter.none(), CursorRequest.first(100));
    all.addAll(page.items());
    while (page.next() != null) {
      page = tasks.list(DEMO_PROJECT, TaskFilter.none(), new CursorRequest(page.next(), 100));
      all.addAll(page.items());
    }
    // Cursor order and number order agree, as for tasks created through the API.
    assertThat(all)
        .extracting(Task::number)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
    assertThat(all).extracting(Task::status).contains(TaskStatus.values());
    assertThat(all).extracting(Task::priority).contains(TaskPriority.values());
    assertThat(all)
        .extracting(Task::assigneeId)
        .contains(null, manager.id(), userId("admin"), userId("user"));
    assertThat(tasks.summarise(DEMO_PROJECT).total()).isEqualTo(200);
    assertThat(
            tasks
                .list(DEMO_PROJECT, new TaskFilter(null, userId("user")), CursorRequest.first(100))
                .items())
        .hasSize(50);
    // The counter says 200: the next task created is DEMO-201.
    assertThat(transactions.inTransaction(() -> projects.nextTaskNumber(DEMO_PROJECT)))
        .isEqualTo(201);
  }

  private UserId userId(String name) {
    return users.findByEmail(new Email(name + "@worklane.local")).orElseThrow().id();
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
