package dev.worklane.adapter.out.persistence.project;

import static dev.worklane.adapter.out.persistence.support.Constraints.violates;
import static dev.worklane.adapter.out.persistence.support.Keyset.utc;

import dev.worklane.adapter.out.persistence.support.Keyset;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.application.port.model.Position;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.NotFoundException;
import dev.worklane.domain.project.Project;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectKeyTakenException;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ProjectRepository} on PostgreSQL: the project row through JPA (optimistic version like the
 * account), the counter, the members and the list pages in plain SQL, where the statement itself is
 * the point (an atomic increment, row-value keyset comparisons the indexes match).
 */
@Component
public class ProjectRepositoryAdapter implements ProjectRepository {

  /** Unique constraint on projects.key (changeset 20261201-03-projects-table). */
  static final String KEY_UNIQUE_CONSTRAINT = "uq_projects_key";

  private static final String PROJECT_COLUMNS =
      "p.id, p.key, p.name, p.description, p.owner_id, p.archived, p.created_at, p.updated_at,"
          + " p.version";

  private final ProjectJpaRepository projects;
  private final NamedParameterJdbcTemplate jdbc;

  ProjectRepositoryAdapter(ProjectJpaRepository projects, NamedParameterJdbcTemplate jdbc) {
    this.projects = projects;
    this.jdbc = jdbc;
  }

  /** Flushed at once, so a taken key surfaces here as the domain's conflict. */
  @Override
  public Project add(Project project) {
    try {
      return ProjectPersistenceMapper.toDomain(
          projects.saveAndFlush(ProjectPersistenceMapper.toNewEntity(project)));
    } catch (DataIntegrityViolationException e) {
      if (violates(e, KEY_UNIQUE_CONSTRAINT)) {
        throw new ProjectKeyTakenException(project.key());
      }
      throw e;
    }
  }

  @Override
  public Optional<Project> findById(ProjectId id) {
    return projects.findById(id.value()).map(ProjectPersistenceMapper::toDomain);
  }

  /**
   * Same scheme as the account: the explicit check refuses a project read before a change that
   * committed before this load, Hibernate's versioned UPDATE one committed between load and flush.
   */
  @Override
  @Transactional
  public Project update(Project project) {
    ProjectEntity entity =
        projects.findById(project.id().value()).orElseThrow(() -> new NotFoundException("Project"));
    if (entity.getVersion() != project.version()) {
      throw concurrentChange();
    }
    ProjectPersistenceMapper.copyState(project, entity);
    try {
      return ProjectPersistenceMapper.toDomain(projects.saveAndFlush(entity));
    } catch (OptimisticLockingFailureException e) {
      throw concurrentChange();
    }
  }

  @Override
  public Page<Project> list(UserId memberOf, boolean includeArchived, PageRequest page) {
    MapSqlParameterSource params = projectFilter(memberOf);
    String from = projectsFrom(memberOf, includeArchived);
    long total = jdbc.queryForObject("select count(*)" + from, params, Long.class);
    List<Project> items =
        jdbc.query(
            "select "
                + PROJECT_COLUMNS
                + from
                + " order by p.created_at, p.id offset :offset limit :limit",
            params.addValue("offset", page.offset()).addValue("limit", page.perPage()),
            ProjectPersistenceMapper::fromRow);
    return new Page<>(items, page.page(), page.perPage(), total);
  }

  @Override
  public CursorPage<Project> list(UserId memberOf, boolean includeArchived, CursorRequest cursor) {
    MapSqlParameterSource params = projectFilter(memberOf);
    String after = "";
    if (cursor.after() != null) {
      after = " and (p.created_at, p.id) > (:afterAt, :afterId)";
      params.addValue("afterAt", utc(cursor.after().at())).addValue("afterId", cursor.after().id());
    }
    List<Project> rows =
        jdbc.query(
            "select "
                + PROJECT_COLUMNS
                + projectsFrom(memberOf, includeArchived)
                + after
                + " order by p.created_at, p.id limit :limit",
            params.addValue("limit", Keyset.limitOf(cursor)),
            ProjectPersistenceMapper::fromRow);
    return Keyset.page(rows, cursor, p -> new Position(p.createdAt(), p.id().value()));
  }

  /** A member's projects go through ix_project_members_user_project; an admin's are all rows. */
  private static String projectsFrom(UserId memberOf, boolean includeArchived) {
    StringBuilder from = new StringBuilder(" from projects p");
    if (memberOf != null) {
      from.append(" join project_members m on m.project_id = p.id and m.user_id = :member");
    }
    from.append(" where true");
    if (!includeArchived) {
      from.append(" and not p.archived");
    }
    return from.toString();
  }

  private static MapSqlParameterSource projectFilter(UserId memberOf) {
    MapSqlParameterSource params = new MapSqlParameterSource();
    if (memberOf != null) {
      params.addValue("member", memberOf.value());
    }
    return params;
  }

  /**
   * One atomic statement: the UPDATE takes the project row's lock and holds it until the caller's
   * transaction ends, so concurrent creators queue here, each gets the next number, and a rollback
   * gives the number back. Outside a transaction the number would be committed at once and lost on
   * a failed insert, hence MANDATORY.
   */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public long nextTaskNumber(ProjectId id) {
    List<Long> number =
        jdbc.queryForList(
            "update projects set task_counter = task_counter + 1 where id = :id"
                + " returning task_counter",
            new MapSqlParameterSource("id", id.value()),
            Long.class);
    if (number.isEmpty()) {
      throw new NotFoundException("Project");
    }
    return number.getFirst();
  }

  @Override
  public Optional<ProjectMember> findMember(ProjectId project, UserId user) {
    return jdbc
        .query(
            "select project_id, user_id, role, added_at from project_members"
                + " where project_id = :project and user_id = :user",
            new MapSqlParameterSource()
                .addValue("project", project.value())
                .addValue("user", user.value()),
            ProjectRepositoryAdapter::member)
        .stream()
        .findFirst();
  }

  @Override
  public Page<ProjectMember> members(ProjectId project, PageRequest page) {
    MapSqlParameterSource params = new MapSqlParameterSource("project", project.value());
    long total =
        jdbc.queryForObject(
            "select count(*) from project_members where project_id = :project", params, Long.class);
    List<ProjectMember> items =
        jdbc.query(
            "select project_id, user_id, role, added_at from project_members"
                + " where project_id = :project order by added_at, user_id"
                + " offset :offset limit :limit",
            params.addValue("offset", page.offset()).addValue("limit", page.perPage()),
            ProjectRepositoryAdapter::member);
    return new Page<>(items, page.page(), page.perPage(), total);
  }

  /** Keyset over ix_project_members_project_added (project_id, added_at, user_id). */
  @Override
  public CursorPage<ProjectMember> members(ProjectId project, CursorRequest cursor) {
    MapSqlParameterSource params =
        new MapSqlParameterSource("project", project.value())
            .addValue("limit", Keyset.limitOf(cursor));
    String after = "";
    if (cursor.after() != null) {
      after = " and (added_at, user_id) > (:afterAt, :afterId)";
      params.addValue("afterAt", utc(cursor.after().at())).addValue("afterId", cursor.after().id());
    }
    List<ProjectMember> rows =
        jdbc.query(
            "select project_id, user_id, role, added_at from project_members"
                + " where project_id = :project"
                + after
                + " order by added_at, user_id limit :limit",
            params,
            ProjectRepositoryAdapter::member);
    return Keyset.page(rows, cursor, m -> new Position(m.addedAt(), m.userId().value()));
  }

  /**
   * "on conflict do nothing" rather than catching the duplicate key: the caller's transaction stays
   * usable, and two concurrent adds of one user are decided by the primary key either way.
   */
  @Override
  @Transactional
  public void addMember(ProjectMember member) {
    int inserted =
        jdbc.update(
            """
            insert into project_members (project_id, user_id, role, added_at)
            values (:project, :user, :role, :addedAt)
            on conflict (project_id, user_id) do nothing
            """,
            new MapSqlParameterSource()
                .addValue("project", member.projectId().value())
                .addValue("user", member.userId().value())
                .addValue("role", member.role().name())
                .addValue("addedAt", utc(member.addedAt())));
    if (inserted == 0) {
      throw new ConflictException("ALREADY_MEMBER", "The user is a member of the project already");
    }
  }

  @Override
  @Transactional
  public void removeMember(ProjectId project, UserId user) {
    jdbc.update(
        "delete from project_members where project_id = :project and user_id = :user",
        new MapSqlParameterSource()
            .addValue("project", project.value())
            .addValue("user", user.value()));
  }

  /**
   * FOR UPDATE (count(*) cannot lock): a concurrent removal of another owner waits for this
   * transaction, then re-reads the rows and no longer counts the one deleted here. The order keeps
   * two lockers from taking the rows in different orders (deadlock). Outside a transaction the lock
   * would end with the statement, hence MANDATORY.
   */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public long countOwnersForUpdate(ProjectId project) {
    return jdbc.queryForList(
            "select user_id from project_members where project_id = :project and role = 'OWNER'"
                + " order by user_id for update",
            new MapSqlParameterSource("project", project.value()),
            UUID.class)
        .size();
  }

  private static ProjectMember member(ResultSet rs, int row) throws SQLException {
    return new ProjectMember(
        new ProjectId(rs.getObject("project_id", UUID.class)),
        new UserId(rs.getObject("user_id", UUID.class)),
        ProjectRole.valueOf(rs.getString("role")),
        rs.getObject("added_at", OffsetDateTime.class).toInstant());
  }

  private static ConflictException concurrentChange() {
    return new ConflictException(
        "CONCURRENT_MODIFICATION", "The project was changed by another request; try again");
  }
}
