package dev.worklane.adapter.out.storage;

import java.nio.charset.StandardCharsets;

/**
 * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<RFC 8187>} (RFC 6266 §4.3),
 * which S3 is asked to send back with a presigned download. Any character outside printable ASCII,
 * and {@code "}, {@code \} and {@code %}, is {@code _} in the fallback; the exact name is in {@code
 * filename*}.
 */
public final class AttachmentHeader {
  private static final String ATTR_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private AttachmentHeader() {}

  public static String of(String fileName) {
    StringBuilder ascii = new StringBuilder(fileName.length());
    fileName
        .codePoints()
        .forEach(
            c ->
                ascii.append(
                    c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && ATTR_CHARS.indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return "attachment; filename=\""
        + (ascii.isEmpty() ? "download" : ascii)
        + "\"; filename*=UTF-8''"
        + encoded;
  }
}
