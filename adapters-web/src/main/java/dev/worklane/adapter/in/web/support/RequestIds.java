package dev.worklane.adapter.in.web.support;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request correlation ids. A caller's {@code X-Request-Id} is kept only when it is short and made
 * of safe characters, so it can go into logs and headers without injection; otherwise one is
 * generated.
 */
public final class RequestIds {
  public static final String HEADER = "X-Request-Id";
  public static final String ATTRIBUTE = RequestIds.class.getName();
  public static final String MDC_KEY = "requestId";
  private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private RequestIds() {}

  public static String acceptOrGenerate(String candidate) {
    return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : generate();
  }

  /**
   * A random (version 4 layout) UUID from {@link ThreadLocalRandom}: correlation ids need to be
   * unique, not unguessable, and {@code UUID.randomUUID()}'s shared SecureRandom is a hot lock.
   */
  static String generate() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  /** The id of the current request, generating one when a filter did not run (error dispatch). */
  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    if (id instanceof String value) {
      return value;
    }
    String generated = acceptOrGenerate(request.getHeader(HEADER));
    request.setAttribute(ATTRIBUTE, generated);
    return generated;
  }
}
