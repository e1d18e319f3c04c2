package dev.worklane.adapter.in.web.file;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with the file name twice (RFC 6266 §4.3): an ASCII
 * fallback {@code filename="…"} for old clients, every other character replaced by {@code _}, and
 * the exact name as {@code filename*=UTF-8''…} percent-encoded per RFC 8187.
 */
final class ContentDispositions {
  private static final String ATTR_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ContentDispositions() {}

  static String attachment(String fileName) {
    return "attachment; filename=\""
        + asciiFallback(fileName)
        + "\"; filename*=UTF-8''"
        + encoded(fileName);
  }

  static String asciiFallback(String fileName) {
    StringBuilder ascii = new StringBuilder(fileName.length());
    fileName
        .codePoints()
        .forEach(
            c ->
                ascii.append(
                    c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
    return ascii.isEmpty() ? "download" : ascii.toString();
  }

  static String encoded(String fileName) {
    StringBuilder out = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && ATTR_CHARS.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }
}
