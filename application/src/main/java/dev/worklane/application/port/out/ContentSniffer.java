package dev.worklane.application.port.out;

import java.io.InputStream;

/**
 * Tells a file's media type from its bytes (magic numbers, structure), never from the name or the
 * type a client declared. Implemented with Apache Tika core.
 */
public interface ContentSniffer {

  /**
   * The media type of {@code content}, e.g. {@code image/png}, or {@code application/octet-stream}
   * when nothing is recognised. Reads only as much of the stream as it needs; does not close it.
   */
  String sniff(InputStream content);
}
