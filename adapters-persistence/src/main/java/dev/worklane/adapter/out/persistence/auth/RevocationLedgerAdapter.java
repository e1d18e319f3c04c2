package dev.worklane.adapter.out.persistence.auth;

import dev.worklane.application.port.out.Revocation;
import dev.worklane.application.port.out.Revocation.Kind;
import dev.worklane.application.port.out.RevocationLedger;
import dev.worklane.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link RevocationLedger} on the {@code token_revocations} table. Plain SQL rather than JPA: the
 * writes are upserts and conditional updates whose WHERE clause is the whole point, and the
 * per-request fallback check is one index lookup per kind.
 */
@Component
public class RevocationLedgerAdapter implements RevocationLedger {

  private final NamedParameterJdbcTemplate jdbc;

  RevocationLedgerAdapter(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code greatest}: two revocations of one subject keep the later instant, in any order. */
  @Override
  @Transactional
  public void record(Revocation revocation) {
    jdbc.update(
        """
        insert into token_revocations (kind, subject, at, recorded_at, replicated)
        values (:kind, :subject, :at, now(), false)
        on conflict (kind, subject) do update
           set at = greatest(token_revocations.at, excluded.at),
               recorded_at = now(),
               replicated = false
        """,
        params(revocation));
  }

  @Override
  public Optional<Instant> notBefore(UserId userId) {
    return jdbc
        .query(
            "select at from token_revocations where kind = 'NOT_BEFORE' and subject = :subject",
            new MapSqlParameterSource("subject", userId.toString()),
            (rs, row) -> rs.getTimestamp("at").toInstant())
        .stream()
        .findFirst();
  }

  @Override
  public boolean isRevoked(
      String tokenId, String sessionId, UserId userId, Instant issuedAt, Instant now) {
    MapSqlParameterSource params =
        new MapSqlParameterSource()
            .addValue("jti", tokenId == null ? "" : tokenId)
            .addValue("sid", sessionId == null ? "" : sessionId)
            .addValue("user", userId.toString())
            .addValue("issued", Timestamp.from(issuedAt == null ? Instant.EPOCH : issuedAt))
            .addValue("now", Timestamp.from(now));
    Boolean revoked =
        jdbc.queryForObject(
            """
            select exists (select 1 from token_revocations
                            where kind = 'TOKEN' and subject = :jti and at > :now)
                or exists (select 1 from token_revocations
                            where kind = 'SESSION' and subject = :sid and at > :now)
                or exists (select 1 from token_revocations
                            where kind = 'NOT_BEFORE' and subject = :user and at > :issued)
            """,
            params,
            Boolean.class);
    return Boolean.TRUE.equals(revoked);
  }

  @Override
  public List<Revocation> unreplicated(int limit) {
    return jdbc.query(
        """
        select kind, subject, at from token_revocations
         where not replicated order by recorded_at limit :limit
        """,
        new MapSqlParameterSource("limit", limit),
        RevocationLedgerAdapter::revocation);
  }

  @Override
  public List<Revocation> active(Instant now, Duration notBeforeRetention, int offset, int limit) {
    return jdbc.query(
        """
        select kind, subject, at from token_revocations
         where (kind = 'NOT_BEFORE' and at > :oldestStamp) or (kind <> 'NOT_BEFORE' and at > :now)
         order by kind, subject offset :offset limit :limit
        """,
        new MapSqlParameterSource()
            .addValue("now", Timestamp.from(now))
            .addValue("oldestStamp", Timestamp.from(now.minus(notBeforeRetention)))
            .addValue("offset", offset)
            .addValue("limit", limit),
        RevocationLedgerAdapter::revocation);
  }

  /** Conditional on {@code at}: a revocation raised meanwhile stays to be replicated. */
  @Override
  @Transactional
  public void markReplicated(Revocation revocation) {
    jdbc.update(
        """
        update token_revocations set replicated = true
         where kind = :kind and subject = :subject and at = :at and not replicated
        """,
        params(revocation));
  }

  @Override
  @Transactional
  public int purge(Instant now, Duration notBeforeRetention) {
    return jdbc.update(
        """
        delete from token_revocations
         where (kind = 'NOT_BEFORE' and at <= :oldestStamp) or (kind <> 'NOT_BEFORE' and at <= :now)
        """,
        new MapSqlParameterSource()
            .addValue("now", Timestamp.from(now))
            .addValue("oldestStamp", Timestamp.from(now.minus(notBeforeRetention))));
  }

  private static MapSqlParameterSource params(Revocation revocation) {
    return new MapSqlParameterSource()
        .addValue("kind", revocation.kind().name())
        .addValue("subject", revocation.subject())
        .addValue("at", Timestamp.from(revocation.at()));
  }

  private static Revocation revocation(ResultSet rs, int row) throws SQLException {
    return new Revocation(
        Kind.valueOf(rs.getString("kind")),
        rs.getString("subject"),
        rs.getTimestamp("at").toInstant());
  }
}
