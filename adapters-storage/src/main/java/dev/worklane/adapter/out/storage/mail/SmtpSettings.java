package dev.worklane.adapter.out.storage.mail;

import java.time.Duration;

/**
 * Where and how {@link SmtpMailerAdapter} reaches its SMTP server.
 *
 * @param host the server's host name
 * @param port usually 587 (STARTTLS), 465 (SSL) or 25 (NONE)
 * @param username null or blank: no authentication
 * @param password never logged, never part of {@link #toString()} or an exception message
 * @param security how the connection is protected
 * @param connectTimeout how long to wait for the connection (default 10 s)
 * @param readTimeout how long to wait for each server reply and each write (default 10 s)
 */
public record SmtpSettings(
    String host,
    int port,
    String username,
    String password,
    Security security,
    Duration connectTimeout,
    Duration readTimeout) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Connection protection. */
  public enum Security {
    /** Plain SMTP: only for a relay on localhost or a trusted network. */
    NONE,
    /** Upgrade with STARTTLS, and refuse to send if the server does not offer it. */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    SSL
  }

  /** With {@link #DEFAULT_TIMEOUT} for the connection and for each reply. */
  public static SmtpSettings withDefaultTimeouts(
      String host, int port, String username, String password, Security security) {
    return new SmtpSettings(
        host, port, username, password, security, DEFAULT_TIMEOUT, DEFAULT_TIMEOUT);
  }

  public SmtpSettings {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the SMTP host is required");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("the SMTP port must be between 1 and 65535");
    }
    security = security == null ? Security.STARTTLS : security;
    connectTimeout = positiveOrDefault(connectTimeout, "connectTimeout");
    readTimeout = positiveOrDefault(readTimeout, "readTimeout");
    if (username != null && username.isBlank()) {
      username = null;
    }
  }

  /** Authenticates only when a user name is set. */
  public boolean authenticates() {
    return username != null;
  }

  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", username="
        + username
        + ", password="
        + (password == null || password.isEmpty() ? "<none>" : "<hidden>")
        + ", security="
        + security
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + "]";
  }

  private static Duration positiveOrDefault(Duration value, String name) {
    if (value == null) {
      return DEFAULT_TIMEOUT;
    }
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return value;
  }
}
