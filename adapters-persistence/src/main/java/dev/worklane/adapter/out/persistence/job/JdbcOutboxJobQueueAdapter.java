package dev.worklane.adapter.out.persistence.job;

import dev.worklane.application.port.out.JobOptions;
import dev.worklane.application.port.out.JobOutbox;
import dev.worklane.application.port.out.JobQueue;
import dev.worklane.application.port.out.JobRequest;
import dev.worklane.application.port.out.OutboxJob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.MDC;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@link JobQueue} use cases enqueue into is a transactional outbox: the {@code job_outbox}
 * table, whose relay side is the {@link JobOutbox} (SPEC §6.2). Plain SQL rather than JPA: the
 * enqueue is an {@code insert ... on conflict do nothing} and the relay's read is {@code for update
 * skip locked}, neither of which JPA expresses. {@link JdbcTemplate} joins the caller's Spring
 * transaction, so a rolled-back use case leaves no job behind.
 */
@Component
public class JdbcOutboxJobQueueAdapter implements JobQueue, JobOutbox {

  /** The SLF4J MDC key the web adapter's request-id filter sets (adapters-web RequestIds). */
  static final String REQUEST_ID_MDC_KEY = "requestId";

  /** Same bound as the web adapter's accepted ids; a longer MDC value is not ours to keep. */
  static final int REQUEST_ID_MAX_LENGTH = 128;

  private static final TypeReference<Map<String, String>> PAYLOAD = new TypeReference<>() {};

  private static final String COLUMNS =
      "queue, job_id, type, payload, attempts, backoff_ms, timeout_ms, delay_ms, priority,"
          + " idempotency_key, request_id, enqueued_at";

  private final JdbcTemplate jdbc;
  private final JsonMapper json;
  private final Clock clock;

  JdbcOutboxJobQueueAdapter(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /**
   * A second enqueue with the same idempotency key, while the first is still in the outbox, hits
   * the unique (queue, job_id) and inserts nothing. Once relayed, the engine refuses the duplicate
   * id instead.
   */
  @Override
  public String enqueue(JobRequest request) {
    JobOptions options = request.options();
    String id =
        options.idempotencyKey() != null ? options.idempotencyKey() : UUID.randomUUID().toString();
    jdbc.update(
        "insert into job_outbox ("
            + COLUMNS
            + ") values (?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (queue, job_id) do nothing",
        request.queue(),
        id,
        request.type(),
        payloadJson(request.payload()),
        options.attempts(),
        options.backoff().toMillis(),
        options.timeout().toMillis(),
        options.delay().toMillis(),
        options.priority(),
        options.idempotencyKey(),
        currentRequestId(),
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    return id;
  }

  /** Mandatory transaction: outside one the row locks would end with the statement. */
  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public List<OutboxJob> lockPending(int limit) {
    return jdbc.query(
        "select " + COLUMNS + " from job_outbox order by id limit ? for update skip locked",
        this::outboxJob,
        limit);
  }

  @Override
  public void remove(List<OutboxJob> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "delete from job_outbox where queue = ? and job_id = ?",
        jobs.stream().map(job -> new Object[] {job.request().queue(), job.id()}).toList());
  }

  @Override
  public long pendingCount() {
    Long count = jdbc.queryForObject("select count(*) from job_outbox", Long.class);
    return count == null ? 0 : count;
  }

  /**
   * PostgreSQL's jsonb cannot hold U+0000; refusing it here names the key (never the value, which
   * may be a secret) instead of failing later with a bare SQL error.
   */
  private String payloadJson(Map<String, String> payload) {
    payload.forEach(
        (key, value) -> {
          if (key.indexOf('\0') >= 0 || value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                "job payload entry '" + key.replace('\0', '?') + "' contains a NUL character");
          }
        });
    return json.writeValueAsString(payload);
  }

  private static String currentRequestId() {
    String requestId = MDC.get(REQUEST_ID_MDC_KEY);
    if (requestId == null || requestId.isBlank() || requestId.length() > REQUEST_ID_MAX_LENGTH) {
      return null;
    }
    return requestId;
  }

  private OutboxJob outboxJob(ResultSet rs, int row) throws SQLException {
    JobOptions options =
        new JobOptions(
            rs.getInt("attempts"),
            Duration.ofMillis(rs.getLong("backoff_ms")),
            Duration.ofMillis(rs.getLong("timeout_ms")),
            Duration.ofMillis(rs.getLong("delay_ms")),
            rs.getInt("priority"),
            rs.getString("idempotency_key"));
    JobRequest request =
        new JobRequest(
            rs.getString("queue"),
            rs.getString("type"),
            json.readValue(rs.getString("payload"), PAYLOAD),
            options);
    return new OutboxJob(
        rs.getString("job_id"),
        request,
        rs.getString("request_id"),
        rs.getObject("enqueued_at", OffsetDateTime.class).toInstant());
  }
}
