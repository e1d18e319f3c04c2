package dev.worklane.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A job a use case asks for: which queue, which handler ({@code type}), its data and options.
 *
 * <p>The payload is a flat string map so the core stays free of any JSON library. Keys starting
 * with {@value #SECRET_PREFIX} hold secrets (a reset token): they reach the handler but are
 * redacted from every view (dashboard, JSON API, logs).
 */
public record JobRequest(
    String queue, String type, Map<String, String> payload, JobOptions options) {

  /** The queues: {@code default} for general work, {@code email} for outgoing mail. */
  public static final String DEFAULT_QUEUE = "default";

  public static final String EMAIL_QUEUE = "email";
  public static final String HIGH_PRIORITY_QUEUE = "high-priority";
  public static final List<String> QUEUES =
      List.of(DEFAULT_QUEUE, EMAIL_QUEUE, HIGH_PRIORITY_QUEUE);

  public static final String SECRET_PREFIX = "secret.";

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

  public JobRequest {
    if (queue == null || !QUEUES.contains(queue)) {
      throw new IllegalArgumentException("unknown queue: " + queue);
    }
    if (type == null || type.length() > 100 || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("job type must look like 'email.send'");
    }
    payload = Map.copyOf(Objects.requireNonNull(payload, "payload"));
    options = Objects.requireNonNullElse(options, JobOptions.defaults());
  }

  public static JobRequest of(String queue, String type, Map<String, String> payload) {
    return new JobRequest(queue, type, payload, JobOptions.defaults());
  }

  public JobRequest with(JobOptions value) {
    return new JobRequest(queue, type, payload, value);
  }

  public static boolean isSecret(String payloadKey) {
    return payloadKey.startsWith(SECRET_PREFIX);
  }

  /**
   * The request with secret values masked: the generated record form would print the reset token
   * wherever a request (or the {@link OutboxJob} holding it) is logged or put in an exception.
   */
  @Override
  public String toString() {
    Map<String, String> shown = new TreeMap<>();
    payload.forEach((key, value) -> shown.put(key, isSecret(key) ? "****" : value));
    return "JobRequest[queue="
        + queue
        + ", type="
        + type
        + ", payload="
        + shown
        + ", options="
        + options
        + "]";
  }
}
