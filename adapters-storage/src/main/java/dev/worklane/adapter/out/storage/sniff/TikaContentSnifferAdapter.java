package dev.worklane.adapter.out.storage.sniff;

import dev.worklane.application.port.out.ContentSniffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * Tika core's MIME repository on the first bytes of a stream: magic numbers (PNG, JPEG, WebP, PDF,
 * ZIP, …), XML root elements (SVG) and HTML markers, then Tika's text heuristic; the metadata it
 * sees is empty, so neither a file name nor a declared type can sway it. Container formats are not
 * opened (that needs Tika's parsers): an Office document is {@code application/zip} here.
 */
public final class TikaContentSnifferAdapter implements ContentSniffer {
  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

  @Override
  public String sniff(InputStream content) {
    try {
      byte[] prefix = readPrefix(content, types.getMinLength());
      try (TikaInputStream stream = TikaInputStream.get(prefix)) {
        MediaType type = types.detect(stream, new Metadata(), new ParseContext());
        return type.getBaseType().toString();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the content to sniff failed", e);
    }
  }

  /**
   * Up to {@code limit} bytes; a stream that supports marks is reset to where it was, so the caller
   * can go on reading it whole (a plain one has lost those bytes).
   */
  private static byte[] readPrefix(InputStream content, int limit) throws IOException {
    boolean markable = content.markSupported();
    if (markable) {
      content.mark(limit);
    }
    byte[] buffer = new byte[limit];
    int total = 0;
    while (total < limit) {
      int read = content.read(buffer, total, limit - total);
      if (read < 0) {
        break;
      }
      total += read;
    }
    if (markable) {
      content.reset();
    }
    return Arrays.copyOf(buffer, total);
  }
}
