package dev.worklane.adapter.out.persistence.report;

import static dev.worklane.adapter.out.persistence.fixtures.ProjectFixtures.T1;
import static dev.worklane.domain.fixtures.UserFixtures.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.persistence.PersistenceIntegrationTest;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.ReportRepository;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.report.Report;
import dev.worklane.domain.report.ReportFormat;
import dev.worklane.domain.report.ReportId;
import dev.worklane.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

@PersistenceIntegrationTest
class ReportRepositoryAdapterIT extends ReportRepositoryContract {
  private final ReportRepositoryAdapter adapter;
  private final ProjectRepository projects;
  private final UserRepository users;
  private final JdbcTemplate jdbc;

  ReportRepositoryAdapterIT(
      ReportRepositoryAdapter adapter,
      ProjectRepository projects,
      UserRepository users,
      JdbcTemplate jdbc) {
    this.adapter = adapter;
    this.projects = projects;
    this.users = users;
    this.jdbc = jdbc;
  }

  @Override
  protected ReportRepository reports() {
    return adapter;
  }

  @Override
  protected ProjectRepository projects() {
    return projects;
  }

  @Override
  protected UserId existingUser() {
    return users
        .add(
            aUser()
                .email("rr-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com")
                .build())
        .id();
  }

  @Test
  void aReportOfAnUnknownProjectIsRefusedByTheForeignKey() {
    Report orphan =
        Report.request(
            ReportId.random(),
            ProjectId.random(),
            existingUser(),
            ReportFormat.CSV,
            null,
            T1,
            RETENTION);

    assertThatThrownBy(() -> adapter.add(orphan))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void theDatabaseRefusesStatesTheDomainDoesNotKnow() {
    Report report = adapter.add(aReport(T1));

    assertThatThrownBy(
            () ->
                jdbc.update(
                    "update reports set status = 'EXPIRED' where id = ?", report.id().value()))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () ->
                jdbc.update("update reports set progress = 101 where id = ?", report.id().value()))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  /** The sweeper's query starts in ix_reports_expires_at and stops after the batch. */
  @Test
  void theExpirySweepIsAnIndexRangeScan() {
    // One connection, and the planner told to avoid the cheap plans of a tiny test table (a whole
    // read, a bitmap then a sort): what is left shows whether the index gives the order itself.
    String plan =
        jdbc.execute(
            (java.sql.Connection connection) -> {
              StringBuilder lines = new StringBuilder();
              try (var statement = connection.createStatement()) {
                statement.execute("set enable_seqscan = off");
                statement.execute("set enable_bitmapscan = off");
                try (var rs =
                    statement.executeQuery(
                        "explain select * from reports where expires_at <= now()"
                            + " order by expires_at asc fetch first 100 rows only")) {
                  while (rs.next()) {
                    lines.append(rs.getString(1)).append('\n');
                  }
                }
                statement.execute("reset enable_seqscan");
                statement.execute("reset enable_bitmapscan");
              }
              return lines.toString();
            });
    assertThat(plan)
        .contains("Index Scan using ix_reports_expires_at on reports")
        .doesNotContain("Sort");
  }
}
