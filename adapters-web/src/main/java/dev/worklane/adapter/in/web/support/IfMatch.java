package dev.worklane.adapter.in.web.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versions travel as strong ETags: {@code ETag: "3"}; changes name the version they were made from
 * with {@code If-Match: "3"}.
 *
 * <ul>
 *   <li>missing, blank or {@code *} → 428 {@code PRECONDITION_REQUIRED}: {@code *} would match any
 *       version and so protect nothing against lost updates;
 *   <li>one strong tag of a number → that version (the core answers 412 when it is stale);
 *   <li>anything else — a weak tag {@code W/"3"} (RFC 9110 §13.1.1: If-Match compares strongly, a
 *       weak tag never matches), a list of tags, a tag that is not one of ours → 412 {@code
 *       PRECONDITION_FAILED}.
 * </ul>
 */
public final class IfMatch {
  public static final String HEADER = "If-Match";
  private static final Pattern ONE_VERSION = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");

  private IfMatch() {}

  public static long version(String header) {
    if (header == null || header.isBlank() || header.strip().equals("*")) {
      throw new PreconditionException(
          428,
          "PRECONDITION_REQUIRED",
          "Send If-Match with the ETag of the version you changed (GET it first)");
    }
    Matcher matcher = ONE_VERSION.matcher(header);
    if (!matcher.matches()) {
      throw new PreconditionException(
          412,
          "PRECONDITION_FAILED",
          "If-Match must be the one strong ETag a GET returned, e.g. \"3\"");
    }
    return Long.parseLong(matcher.group(1));
  }

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  /** 428 or 412 raised by the web layer before the core is called. */
  public static final class PreconditionException extends RuntimeException {
    private final int status;
    private final String code;

    PreconditionException(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }

    public int status() {
      return status;
    }

    public String code() {
      return code;
    }
  }
}
