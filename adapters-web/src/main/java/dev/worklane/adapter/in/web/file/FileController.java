package dev.worklane.adapter.in.web.file;

import dev.worklane.adapter.in.web.openapi.Problems;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.application.port.in.file.FileDownloadUseCase;
import dev.worklane.application.port.in.file.FileLinkRejectedException;
import dev.worklane.application.port.in.file.FileLinkRejectedException.Reason;
import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.SignedFileLink;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The files the app serves itself, without a bearer token: signed downloads of the local-disk store
 * (the HMAC signature over key, expiry, name and type is the authorisation; edited or expired → 403
 * problem) and public objects (avatars, cacheable for a year because their keys change with each
 * upload). Both honour a single {@code Range} (206, 416) and stream from the store in 64 KiB
 * chunks, never holding a file in memory. Neither renders on our origin: downloads are {@code
 * attachment}s with the signed type, and both carry {@code nosniff} and a sandboxing CSP. Their
 * OpenAPI description (parameters, 200/206 bodies and headers) is {@code openapi.FileResponses}.
 */
@RestController
public class FileController {
  static final String SANDBOX_POLICY = "default-src 'none'; sandbox";
  static final String PUBLIC_CACHE = "public, max-age=31536000, immutable";
  private static final int BUFFER = 64 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(FileController.class);

  private final FileDownloadUseCase files;

  public FileController(FileDownloadUseCase files) {
    this.files = files;
  }

  @GetMapping(ApiPaths.FILES_DOWNLOAD + "/{*key}")
  @Problems({
    HttpStatus.FORBIDDEN,
    HttpStatus.NOT_FOUND,
    HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE
  })
  void download(
      @PathVariable String key,
      @RequestParam(required = false) String expires,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String signature,
      @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
      HttpServletResponse response)
      throws IOException {
    SignedFileLink link = link(key, expires, name, type, signature);
    serve(
        range,
        part -> files.openSigned(link, part),
        response,
        r -> {
          r.setContentType(link.disposition().contentType());
          r.setHeader(HttpHeaders.CONTENT_DISPOSITION, link.disposition().contentDisposition());
        });
  }

  @GetMapping(ApiPaths.FILES_PUBLIC + "/{*key}")
  @Problems({HttpStatus.NOT_FOUND, HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE})
  void publicFile(
      @PathVariable String key,
      @RequestHeader(value = HttpHeaders.RANGE, required = false) String range,
      HttpServletResponse response)
      throws IOException {
    String objectKey = withoutLeadingSlash(key);
    serve(
        range,
        part -> files.openPublic(objectKey, part),
        response,
        r -> {
          r.setHeader(HttpHeaders.CACHE_CONTROL, PUBLIC_CACHE);
          // Avatars are shown by clients on other origins (a SPA, a CDN in front of us).
          r.setHeader("Cross-Origin-Resource-Policy", "cross-origin");
        });
  }

  /** Every part must be present and well-formed; anything else is an invalid link, not a 400. */
  private static SignedFileLink link(
      String key, String expires, String name, String type, String signature) {
    if (expires == null || name == null || type == null || signature == null) {
      throw new FileLinkRejectedException(Reason.INVALID);
    }
    long epochSecond;
    try {
      epochSecond = Long.parseLong(expires);
    } catch (NumberFormatException e) {
      throw new FileLinkRejectedException(Reason.INVALID);
    }
    if (epochSecond < 0 || epochSecond > Instant.MAX.getEpochSecond()) {
      throw new FileLinkRejectedException(Reason.INVALID);
    }
    return new SignedFileLink(
        withoutLeadingSlash(key),
        Instant.ofEpochSecond(epochSecond),
        new DownloadDisposition(name, type),
        signature);
  }

  /**
   * Opens the whole object to learn its size, resolves the range against it, reopens just the part
   * when one was asked for (a local file's open costs no read), then streams.
   */
  private static void serve(
      String rangeHeader,
      Function<Optional<ByteRange>, ObjectContent> open,
      HttpServletResponse response,
      Consumer<HttpServletResponse> headers)
      throws IOException {
    ObjectContent content = open.apply(Optional.empty());
    boolean partial = false;
    try {
      RangeHeader range = RangeHeader.resolve(rangeHeader, content.totalSize());
      if (range instanceof RangeHeader.Unsatisfiable) {
        throw new RangeNotSatisfiableException(content.totalSize());
      }
      if (range instanceof RangeHeader.Part part) {
        content.close();
        content = open.apply(Optional.of(part.range()));
        partial = true;
      }
      headers.accept(response);
      if (response.getContentType() == null) {
        response.setContentType(content.contentType());
      }
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("Content-Security-Policy", SANDBOX_POLICY);
      response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
      if (partial) {
        long first = ((RangeHeader.Part) range).range().first();
        response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
        response.setHeader(
            HttpHeaders.CONTENT_RANGE,
            "bytes " + first + "-" + (first + content.length() - 1) + "/" + content.totalSize());
      }
      response.setContentLengthLong(content.length());
      copy(content.stream(), response);
    } finally {
      content.close();
    }
  }

  /**
   * A read failure of the store after the status went out cannot become a problem any more: the
   * response stops short of its Content-Length, which the client sees as a broken download. A
   * client that goes away is no error of ours.
   */
  private static void copy(InputStream in, HttpServletResponse response) throws IOException {
    OutputStream out = response.getOutputStream();
    byte[] buffer = new byte[BUFFER];
    while (true) {
      int read;
      try {
        read = in.read(buffer);
      } catch (IOException e) {
        if (!response.isCommitted()) {
          throw new FileReadFailedException(e);
        }
        LOG.warn("file_stream_failed error={}", e.getClass().getSimpleName());
        return;
      }
      if (read < 0) {
        return;
      }
      try {
        out.write(buffer, 0, read);
      } catch (IOException e) {
        LOG.debug("file_client_gone error={}", e.getClass().getSimpleName());
        return;
      }
    }
  }

  private static String withoutLeadingSlash(String key) {
    return key.startsWith("/") ? key.substring(1) : key;
  }
}
