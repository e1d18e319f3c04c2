package dev.worklane.adapter.out.storage.sniff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class TikaContentSnifferAdapterTest {
  final TikaContentSnifferAdapter sniffer = new TikaContentSnifferAdapter();

  static final byte[] PNG =
      bytes(
          0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
          0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89);
  static final byte[] JPEG =
      bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);
  static final byte[] WEBP =
      bytes('R', 'I', 'F', 'F', 26, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' ', 10, 0, 0, 0);
  static final byte[] GIF = bytes('G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0);

  @Test
  void tellsImagesFromTheirMagicNumbers() {
    assertThat(sniff(PNG)).isEqualTo("image/png");
    assertThat(sniff(JPEG)).isEqualTo("image/jpeg");
    assertThat(sniff(WEBP)).isEqualTo("image/webp");
    assertThat(sniff(GIF)).isEqualTo("image/gif");
  }

  @Test
  void tellsDocumentsAndArchives() throws IOException {
    assertThat(sniff("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1)))
        .isEqualTo("application/pdf");
    assertThat(sniff(zip())).isEqualTo("application/zip");
  }

  @Test
  void recognisesMarkupThatWouldRenderInABrowser() {
    assertThat(sniff("<!DOCTYPE html>\n<html><body><script>alert(1)</script>"))
        .isEqualTo("text/html");
    assertThat(sniff("<html><head><title>x</title></head></html>")).isEqualTo("text/html");
    assertThat(
            sniff(
                "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"))
        .isEqualTo("image/svg+xml");
  }

  @Test
  void tellsPlainTextFromBinary() {
    assertThat(sniff("just some notes\nline two\n")).isEqualTo("text/plain");
    assertThat(sniff(bytes(0, 1, 2, 3, 0xFE, 0xFF, 0, 0, 7, 0, 0x80, 0x81)))
        .isEqualTo("application/octet-stream");
    assertThat(sniff(new byte[0])).isEqualTo("application/octet-stream");
  }

  @Test
  void aPngBehindAnHtmlPrefixIsHtml() {
    byte[] html = "<html><img src=x onerror=alert(1)>".getBytes(StandardCharsets.US_ASCII);
    byte[] both = new byte[html.length + PNG.length];
    System.arraycopy(html, 0, both, 0, html.length);
    System.arraycopy(PNG, 0, both, html.length, PNG.length);

    assertThat(sniff(both)).isEqualTo("text/html");
  }

  @Test
  void leavesAMarkableStreamWhereItWasAndDoesNotCloseIt() throws IOException {
    byte[] content = new byte[200_000];
    System.arraycopy(PNG, 0, content, 0, PNG.length);
    ClosingCheck stream =
        new ClosingCheck(new BufferedInputStream(new ByteArrayInputStream(content)));

    assertThat(sniffer.sniff(stream)).isEqualTo("image/png");

    assertThat(stream.closed).isFalse();
    assertThat(stream.readAllBytes()).isEqualTo(content);
  }

  private String sniff(String text) {
    return sniff(text.getBytes(StandardCharsets.UTF_8));
  }

  private String sniff(byte[] content) {
    return sniffer.sniff(new ByteArrayInputStream(content));
  }

  private static byte[] zip() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("notes.txt"));
      zip.write("hello".getBytes(StandardCharsets.US_ASCII));
      zip.closeEntry();
    }
    return out.toByteArray();
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static final class ClosingCheck extends java.io.FilterInputStream {
    boolean closed;

    ClosingCheck(InputStream in) {
      super(in);
    }

    @Override
    public void close() throws IOException {
      closed = true;
      super.close();
    }
  }
}
