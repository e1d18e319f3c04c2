package dev.worklane.domain.attachment;

import java.text.Normalizer;

/**
 * Turns a client's file name into one that is safe to store and to show: only the last path segment
 * ({@code ../../etc/passwd} becomes {@code passwd}, {@code C:\x\y.txt} {@code y.txt}), no NUL,
 * control, format (bidi overrides and isolates U+202A–202E, U+2066–2069, marks U+200E/F, zero-width
 * characters, BOM), line-separator or unpaired surrogate characters (a right-to-left override makes
 * {@code exe.txt} look like {@code txt.exe}), NFC-normalised, trimmed, at most {@value #MAX_LENGTH}
 * characters with the extension kept. Nothing left: {@value #FALLBACK}.
 *
 * <p>The name is for people only: storage keys never come from it.
 */
public final class FileNames {
  public static final int MAX_LENGTH = 255;
  public static final String FALLBACK = "file";

  /** An extension longer than this is not kept apart when the name is cut. */
  private static final int MAX_EXTENSION = 16;

  private FileNames() {}

  public static String sanitise(String raw) {
    if (raw == null) {
      return FALLBACK;
    }
    String name = Normalizer.normalize(withoutInvisible(raw), Normalizer.Form.NFC);
    int separator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(separator + 1).strip();
    if (name.equals(".") || name.equals("..")) {
      name = "";
    }
    name = cut(name);
    return name.isEmpty() ? FALLBACK : name;
  }

  private static String withoutInvisible(String raw) {
    StringBuilder kept = new StringBuilder(raw.length());
    raw.codePoints().filter(FileNames::visible).forEach(kept::appendCodePoint);
    return kept.toString();
  }

  private static boolean visible(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.SURROGATE,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.UNASSIGNED ->
          false;
      default -> true;
    };
  }

  /** At most {@link #MAX_LENGTH} code points, keeping a short extension whole. */
  private static String cut(String name) {
    int length = name.codePointCount(0, name.length());
    if (length <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = "";
    if (dot > 0) {
      String candidate = name.substring(dot);
      if (candidate.codePointCount(0, candidate.length()) <= MAX_EXTENSION) {
        extension = candidate;
      }
    }
    int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
    String base = name.substring(0, name.offsetByCodePoints(0, keep)).strip();
    return base + extension;
  }
}
