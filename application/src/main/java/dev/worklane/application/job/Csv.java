package dev.worklane.application.job;

import java.util.List;

/**
 * The small part of RFC 4180 a report needs, plus the OWASP defence against CSV injection. Written
 * here rather than taken from a CSV library: writing is a dozen lines (the application module stays
 * JDK-only), and the neutralisation, the part that matters, would be ours anyway.
 *
 * <ul>
 *   <li>Records end with CRLF; cells are separated by commas.
 *   <li>A cell holding a comma, a double quote, CR or LF is enclosed in double quotes, and its
 *       quotes are doubled.
 *   <li>A cell a spreadsheet would read as a formula — starting with {@code =}, {@code +}, {@code
 *       -}, {@code @}, a tab or CR — is prefixed with a single quote and enclosed in quotes, so
 *       Excel, LibreOffice and Google Sheets show it as text ({@code =HYPERLINK(...)} in a task
 *       title must not become a link, nor {@code =cmd|...} a command).
 * </ul>
 */
final class Csv {
  /**
   * The UTF-8 byte order mark the file starts with: without it Excel reads a CSV in the machine's
   * ANSI code page and shows every non-ASCII name garbled; RFC 4180 parsers that expect it (or
   * Python's {@code utf-8-sig}) skip it.
   */
  static final String BOM = "\uFEFF";

  static final String LINE_END = "\r\n";

  private Csv() {}

  /** One record, CRLF included. */
  static String row(List<String> cells) {
    StringBuilder line = new StringBuilder(64 * cells.size());
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      appendCell(line, cells.get(i));
    }
    return line.append(LINE_END).toString();
  }

  /** One cell as it is written; null is an empty cell. */
  static String cell(String value) {
    StringBuilder out = new StringBuilder();
    appendCell(out, value);
    return out.toString();
  }

  private static void appendCell(StringBuilder out, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    boolean formula = startsLikeAFormula(value);
    if (!formula && !needsQuotes(value)) {
      out.append(value);
      return;
    }
    out.append('"');
    if (formula) {
      out.append('\'');
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  /** The OWASP list: what makes a spreadsheet evaluate a cell. */
  static boolean startsLikeAFormula(String value) {
    char first = value.charAt(0);
    return first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r';
  }

  private static boolean needsQuotes(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == ',' || c == '"' || c == '\r' || c == '\n') {
        return true;
      }
    }
    return false;
  }
}
