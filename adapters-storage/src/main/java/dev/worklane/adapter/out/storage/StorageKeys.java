package dev.worklane.adapter.out.storage;

import java.util.regex.Pattern;

/**
 * The keys and content types both object stores accept. A key is one or more {@code /}-separated
 * segments of letters, digits, {@code .}, {@code _} and {@code -}, none starting with a dot (so no
 * {@code .} or {@code ..}, and the local store's temporary {@code .…part} files never collide with
 * an object), at most {@value #MAX_KEY_LENGTH} characters: nothing a key holds can leave the
 * store's root or need escaping in a URL.
 */
public final class StorageKeys {
  public static final int MAX_KEY_LENGTH = 512;
  public static final int MAX_CONTENT_TYPE_LENGTH = 200;
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
  private static final Pattern CONTENT_TYPE = Pattern.compile("[\\x21-\\x7e][\\x20-\\x7e]*");

  private StorageKeys() {}

  public static boolean isValid(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      return false;
    }
    for (String segment : key.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches()) {
        return false;
      }
    }
    return true;
  }

  public static String requireValid(String key) {
    if (!isValid(key)) {
      throw new IllegalArgumentException("invalid storage key");
    }
    return key;
  }

  /** A list prefix: empty, or a key's beginning (it may end with {@code /} or mid-segment). */
  public static String requireValidPrefix(String prefix) {
    if (prefix == null) {
      throw new IllegalArgumentException("invalid storage key prefix");
    }
    if (prefix.isEmpty()) {
      return prefix;
    }
    String probe = prefix.endsWith("/") ? prefix + "x" : prefix;
    if (!isValid(probe)) {
      throw new IllegalArgumentException("invalid storage key prefix");
    }
    return prefix;
  }

  /** A media type to store and serve: printable ASCII, no line breaks. */
  public static String requireValidContentType(String contentType) {
    if (contentType == null
        || contentType.length() > MAX_CONTENT_TYPE_LENGTH
        || !CONTENT_TYPE.matcher(contentType).matches()
        || contentType.indexOf('/') < 1) {
      throw new IllegalArgumentException("invalid content type");
    }
    return contentType;
  }
}
