package dev.worklane.application.port.model.storage;

import java.nio.charset.StandardCharsets;

/**
 * How a signed download is served: always as {@code Content-Disposition: attachment} with the
 * (already sanitised) {@code fileName} as an RFC 6266 {@code filename*}, and with {@code
 * contentType} (the sniffed type, never the client's).
 */
public record DownloadDisposition(String fileName, String contentType) {
  private static final String ATTR_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /**
   * The {@code Content-Disposition} value, the same whichever store serves the bytes (the app for
   * local disk, S3 through {@code response-content-disposition}): {@code attachment;
   * filename="<ASCII fallback>"; filename*=UTF-8''<RFC 8187>} (RFC 6266 §4.3). Any character
   * outside printable ASCII, and {@code "}, {@code \} and {@code %}, is {@code _} in the fallback
   * ({@code download} when nothing is left); the exact name is in {@code filename*}. No name can
   * break the header: CR and LF never appear unencoded.
   */
  public String contentDisposition() {
    return "attachment; filename=\"" + asciiFallback() + "\"; filename*=UTF-8''" + encoded();
  }

  String asciiFallback() {
    StringBuilder ascii = new StringBuilder(fileName.length());
    fileName
        .codePoints()
        .forEach(
            c ->
                ascii.append(
                    c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
    return ascii.isEmpty() ? "download" : ascii.toString();
  }

  String encoded() {
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
