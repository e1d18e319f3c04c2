package dev.worklane.adapter.out.persistence.auth;

import dev.worklane.application.port.out.PasswordResetTokenRepository;
import dev.worklane.domain.auth.PasswordResetToken;
import dev.worklane.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PasswordResetTokenRepository} on the {@code password_reset_tokens} table. Plain SQL: the
 * aggregate is four columns, and the operations are a row lock and two set-based writes, which JPA
 * would only wrap.
 */
@Component
public class JdbcPasswordResetTokenRepositoryAdapter implements PasswordResetTokenRepository {

  private final JdbcTemplate jdbc;

  JdbcPasswordResetTokenRepositoryAdapter(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(PasswordResetToken token) {
    jdbc.update(
        """
        insert into password_reset_tokens (token_hash, user_id, created_at, expires_at, used_at)
        values (?, ?, ?, ?, ?)
        """,
        token.tokenHash(),
        token.userId().value(),
        utc(token.createdAt()),
        utc(token.expiresAt()),
        utc(token.usedAt()));
  }

  /**
   * Mandatory transaction: the row lock is what makes a token single-use when two resets race, and
   * outside a transaction it would end with the statement.
   */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public Optional<PasswordResetToken> findForUpdate(String tokenHash) {
    return jdbc
        .query(
            """
            select token_hash, user_id, created_at, expires_at, used_at
              from password_reset_tokens where token_hash = ? for update
            """,
            JdbcPasswordResetTokenRepositoryAdapter::token,
            tokenHash)
        .stream()
        .findFirst();
  }

  @Override
  public void useAllOf(UserId userId, Instant now) {
    jdbc.update(
        "update password_reset_tokens set used_at = ? where user_id = ? and used_at is null",
        utc(now),
        userId.value());
  }

  @Override
  public int purgeExpired(Instant cutoff) {
    return jdbc.update("delete from password_reset_tokens where expires_at < ?", utc(cutoff));
  }

  /** Bound as timestamptz whatever the JVM's default zone is. */
  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static PasswordResetToken token(ResultSet rs, int row) throws SQLException {
    return new PasswordResetToken(
        rs.getString("token_hash"),
        new UserId(rs.getObject("user_id", UUID.class)),
        instant(rs, "created_at"),
        instant(rs, "expires_at"),
        instant(rs, "used_at"));
  }
}
