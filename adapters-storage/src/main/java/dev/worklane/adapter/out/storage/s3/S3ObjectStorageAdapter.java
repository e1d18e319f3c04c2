package dev.worklane.adapter.out.storage.s3;

import dev.worklane.adapter.out.storage.PresignValidity;
import dev.worklane.adapter.out.storage.StorageBackend;
import dev.worklane.adapter.out.storage.StorageKeys;
import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.model.storage.SignedFileLink;
import dev.worklane.application.port.model.storage.StoredObject;
import dev.worklane.application.port.model.storage.StoredObjectInfo;
import dev.worklane.application.port.out.StorageUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Objects in one S3 bucket (AWS, MinIO, any S3-protocol server), through the SDK v2 sync client and
 * presigner.
 *
 * <p>Puts read the caller's stream in parts of {@value #PART_SIZE} bytes (the only heap an upload
 * holds): an object that fits one part is one PutObject, a larger one (or one whose length is
 * unknown and turns out larger) a multipart upload, aborted when anything fails so no part is left
 * to bill or to become visible. The visibility travels as user metadata ({@code
 * x-amz-meta-visibility}); public objects also carry {@code Cache-Control: public,
 * max-age=31536000, immutable} for a CDN reading the bucket. Presigned GETs ask S3 to answer with
 * the attachment disposition and the signed type. Every SDK fault (a 5xx, a timeout, a refused
 * connection, bad credentials) is a {@link StorageUnavailableException}; a missing object is empty.
 */
public final class S3ObjectStorageAdapter implements StorageBackend {
  /** 8 MiB: above S3's 5 MiB minimum part, 1 250 parts for 10 GB. */
  public static final int PART_SIZE = 8 * 1024 * 1024;

  static final String VISIBILITY = "visibility";
  static final String PUBLIC = "public";
  static final String PUBLIC_CACHE_CONTROL = "public, max-age=31536000, immutable";
  private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStorageAdapter.class);

  private final S3Client s3;
  private final S3Presigner presigner;
  private final String bucket;
  private final String publicBase;
  private final Duration checkTimeout;

  public S3ObjectStorageAdapter(
      S3Client s3, S3Presigner presigner, String bucket, URI publicBaseUrl, Duration checkTimeout) {
    this.s3 = s3;
    this.presigner = presigner;
    this.bucket = bucket;
    String base = publicBaseUrl.toString();
    this.publicBase = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.checkTimeout = checkTimeout;
  }

  @Override
  public StoredObject put(
      String key,
      InputStream content,
      long length,
      String contentType,
      ObjectVisibility visibility) {
    StorageKeys.requireValid(key);
    StorageKeys.requireValidContentType(contentType);
    if (length < -1) {
      throw new IllegalArgumentException("length must be -1 (unknown) or the byte count");
    }
    byte[] buffer = new byte[(int) Math.min(PART_SIZE, length < 0 ? PART_SIZE : length + 1)];
    int first = fill(content, buffer);
    if (first < buffer.length) {
      requireLength(first, length);
      call(
          "put",
          () ->
              s3.putObject(
                  request -> {
                    request
                        .bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .contentLength((long) first)
                        .metadata(metadata(visibility));
                    if (visibility == ObjectVisibility.PUBLIC) {
                      request.cacheControl(PUBLIC_CACHE_CONTROL);
                    }
                  },
                  body(buffer, first)));
      return new StoredObject(key, first);
    }
    if (buffer.length < PART_SIZE) {
      // the declared length was smaller than the part and the stream held more
      throw new IllegalArgumentException("the content is longer than its declared length");
    }
    return multipart(key, content, length, contentType, visibility, buffer);
  }

  private StoredObject multipart(
      String key,
      InputStream content,
      long length,
      String contentType,
      ObjectVisibility visibility,
      byte[] buffer) {
    String uploadId =
        call(
            "put",
            () ->
                s3.createMultipartUpload(
                        request -> {
                          request
                              .bucket(bucket)
                              .key(key)
                              .contentType(contentType)
                              .metadata(metadata(visibility));
                          if (visibility == ObjectVisibility.PUBLIC) {
                            request.cacheControl(PUBLIC_CACHE_CONTROL);
                          }
                        })
                    .uploadId());
    boolean completed = false;
    try {
      List<CompletedPart> parts = new ArrayList<>();
      long total = 0;
      int size = buffer.length; // the first part is already in the buffer
      while (size > 0) {
        total += size;
        if (length >= 0 && total > length) {
          throw new IllegalArgumentException("the content is longer than its declared length");
        }
        int number = parts.size() + 1;
        int partSize = size;
        String etag =
            call(
                "put",
                () ->
                    s3.uploadPart(
                            request ->
                                request
                                    .bucket(bucket)
                                    .key(key)
                                    .uploadId(uploadId)
                                    .partNumber(number)
                                    .contentLength((long) partSize),
                            body(buffer, partSize))
                        .eTag());
        parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        size = fill(content, buffer);
      }
      requireLength(total, length);
      call(
          "put",
          () ->
              s3.completeMultipartUpload(
                  request ->
                      request
                          .bucket(bucket)
                          .key(key)
                          .uploadId(uploadId)
                          .multipartUpload(
                              CompletedMultipartUpload.builder().parts(parts).build())));
      completed = true;
      return new StoredObject(key, total);
    } finally {
      if (!completed) {
        abort(key, uploadId);
      }
    }
  }

  private void abort(String key, String uploadId) {
    try {
      s3.abortMultipartUpload(request -> request.bucket(bucket).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      // list() aborts it later, once it is older than the sweeper's cutoff
      LOG.warn("storage_multipart_abort_failed error={}", e.getClass().getSimpleName());
    }
  }

  @Override
  public Optional<ObjectContent> get(String key, Optional<ByteRange> range) {
    return open(key, range).map(Opened::content);
  }

  @Override
  public void delete(String key) {
    StorageKeys.requireValid(key);
    call("delete", () -> s3.deleteObject(request -> request.bucket(bucket).key(key)));
  }

  @Override
  public URI presignGet(String key, Duration validity, DownloadDisposition disposition) {
    StorageKeys.requireValid(key);
    PresignValidity.require(validity);
    StorageKeys.requireValidContentType(disposition.contentType());
    return call(
        "presign",
        () -> {
          GetObjectRequest get =
              GetObjectRequest.builder()
                  .bucket(bucket)
                  .key(key)
                  .responseContentDisposition(disposition.contentDisposition())
                  .responseContentType(disposition.contentType())
                  .build();
          return URI.create(
              presigner
                  .presignGetObject(
                      request -> request.signatureDuration(validity).getObjectRequest(get))
                  .url()
                  .toString());
        });
  }

  @Override
  public URI publicUrl(String key) {
    StorageKeys.requireValid(key);
    return URI.create(publicBase + "/" + key);
  }

  @Override
  public void list(String prefix, Instant olderThan, Consumer<StoredObjectInfo> sink) {
    StorageKeys.requireValidPrefix(prefix);
    call(
        "list",
        () -> {
          for (S3Object object :
              s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix))
                  .contents()) {
            if (object.lastModified().isBefore(olderThan)) {
              sink.accept(new StoredObjectInfo(object.key(), object.size(), object.lastModified()));
            }
          }
          abortUploadsOlderThan(prefix, olderThan);
          return null;
        });
  }

  /** Multipart uploads a crash left open: invisible, but their parts are stored and billed. */
  private void abortUploadsOlderThan(String prefix, Instant olderThan) {
    String keyMarker = null;
    String uploadMarker = null;
    while (true) {
      String keys = keyMarker;
      String uploads = uploadMarker;
      ListMultipartUploadsResponse page =
          s3.listMultipartUploads(
              request ->
                  request.bucket(bucket).prefix(prefix).keyMarker(keys).uploadIdMarker(uploads));
      for (MultipartUpload upload : page.uploads()) {
        if (upload.initiated() != null && upload.initiated().isBefore(olderThan)) {
          abort(upload.key(), upload.uploadId());
        }
      }
      if (!Boolean.TRUE.equals(page.isTruncated())) {
        return;
      }
      keyMarker = page.nextKeyMarker();
      uploadMarker = page.nextUploadIdMarker();
    }
  }

  @Override
  public void check() {
    call(
        "check",
        () ->
            s3.headBucket(
                request ->
                    request
                        .bucket(bucket)
                        .overrideConfiguration(o -> o.apiCallTimeout(checkTimeout))));
  }

  @Override
  public boolean servesSignedLinks() {
    return false;
  }

  @Override
  public boolean isAuthentic(SignedFileLink link) {
    return false;
  }

  @Override
  public Optional<ObjectContent> openPublic(String key, Optional<ByteRange> range) {
    if (!StorageKeys.isValid(key)) {
      return Optional.empty();
    }
    Optional<Opened> opened = open(key, range);
    if (opened.isPresent() && !PUBLIC.equals(opened.get().metadata().get(VISIBILITY))) {
      opened.get().content().close();
      return Optional.empty();
    }
    return opened.map(Opened::content);
  }

  @Override
  public void close() {
    presigner.close();
    s3.close();
  }

  private record Opened(ObjectContent content, Map<String, String> metadata) {}

  private Optional<Opened> open(String key, Optional<ByteRange> range) {
    StorageKeys.requireValid(key);
    ResponseInputStream<GetObjectResponse> stream;
    try {
      stream =
          s3.getObject(
              request -> {
                request.bucket(bucket).key(key);
                range.ifPresent(
                    r ->
                        request.range(
                            "bytes=" + r.first() + "-" + (r.last() == -1 ? "" : r.last())));
              });
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      if (e.statusCode() == 416) {
        throw new IllegalArgumentException("the range starts beyond the object's end");
      }
      throw unavailable("get", e);
    } catch (SdkException e) {
      throw unavailable("get", e);
    }
    GetObjectResponse response = stream.response();
    long length = response.contentLength();
    long total = range.isPresent() ? totalOf(response.contentRange(), length) : length;
    InputStream body = new DownloadStream(stream);
    return Optional.of(
        new Opened(
            new ObjectContent(
                body,
                length,
                total,
                response.contentType() == null
                    ? "application/octet-stream"
                    : response.contentType(),
                range.isPresent()),
            response.metadata()));
  }

  /** {@code bytes 2-5/10} → 10. */
  private static long totalOf(String contentRange, long fallback) {
    if (contentRange == null) {
      return fallback;
    }
    int slash = contentRange.lastIndexOf('/');
    try {
      return Long.parseLong(contentRange.substring(slash + 1).strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  private static Map<String, String> metadata(ObjectVisibility visibility) {
    return Map.of(VISIBILITY, visibility == ObjectVisibility.PUBLIC ? PUBLIC : "private");
  }

  /**
   * Fills {@code buffer} from the caller's stream; fewer bytes only at its end. The caller's own
   * failures reach the caller as they are ({@link IOException} as {@link UncheckedIOException}).
   */
  private static int fill(InputStream content, byte[] buffer) {
    int total = 0;
    while (total < buffer.length) {
      int read;
      try {
        read = content.read(buffer, total, buffer.length - total);
      } catch (IOException e) {
        throw new UncheckedIOException("reading the content to store failed", e);
      }
      if (read < 0) {
        break;
      }
      total += read;
    }
    return total;
  }

  private static void requireLength(long actual, long declared) {
    if (declared >= 0 && actual != declared) {
      throw new IllegalArgumentException(
          actual < declared
              ? "the content is shorter than its declared length"
              : "the content is longer than its declared length");
    }
  }

  /** The buffer's first {@code size} bytes, re-readable for the SDK's retries, not copied. */
  private static RequestBody body(byte[] buffer, int size) {
    return RequestBody.fromContentProvider(
        ContentStreamProvider.fromInputStreamSupplier(
            () -> new ByteArrayInputStream(buffer, 0, size)),
        size,
        "application/octet-stream");
  }

  private static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw unavailable(operation, e);
    }
  }

  /**
   * The SDK's own message may quote the request (bucket, key, a presigned URL); only the type and
   * the status go into ours.
   */
  static StorageUnavailableException unavailable(String operation, SdkException e) {
    String status = e instanceof S3Exception s3 ? " status=" + s3.statusCode() : "";
    return new StorageUnavailableException(
        "S3 " + operation + " failed: " + e.getClass().getSimpleName() + status, e);
  }

  /**
   * A download that breaks midway fails as an {@link IOException}, like a file's would; closing it
   * before its end aborts the connection instead of draining the rest of the object into it.
   */
  private static final class DownloadStream extends InputStream {
    private final ResponseInputStream<GetObjectResponse> in;
    private boolean ended;

    DownloadStream(ResponseInputStream<GetObjectResponse> in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      try {
        int read = in.read();
        ended |= read < 0;
        return read;
      } catch (SdkException e) {
        throw new IOException("S3 download failed: " + e.getClass().getSimpleName(), e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        int read = in.read(b, off, len);
        ended |= read < 0;
        return read;
      } catch (SdkException e) {
        throw new IOException("S3 download failed: " + e.getClass().getSimpleName(), e);
      }
    }

    @Override
    public void close() throws IOException {
      if (!ended) {
        in.abort();
      }
      in.close();
    }
  }
}
