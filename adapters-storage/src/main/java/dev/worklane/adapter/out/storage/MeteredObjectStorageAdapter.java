package dev.worklane.adapter.out.storage;

import dev.worklane.application.port.model.storage.ByteRange;
import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.ObjectContent;
import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.model.storage.SignedFileLink;
import dev.worklane.application.port.model.storage.StoredObject;
import dev.worklane.application.port.model.storage.StoredObjectInfo;
import dev.worklane.application.port.out.StorageUnavailableException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Meters around any store: {@code worklane.storage.requests} (timer; {@code operation} put, get,
 * delete, presign, list, check; {@code outcome} success or error, error being the store's fault,
 * {@link StorageUnavailableException}) and {@code worklane.storage.bytes} (counter; {@code
 * direction} uploaded — bytes of completed puts — or downloaded — bytes actually read from opened
 * objects, including those the app serves itself). A call the caller aborts (its stream throws, a
 * bad key) is not timed: it measures the caller, not the store. A get's time is the time to open
 * the object, not to read it.
 */
public final class MeteredObjectStorageAdapter implements StorageBackend {
  static final String REQUESTS = "worklane.storage.requests";
  static final String BYTES = "worklane.storage.bytes";

  private final StorageBackend delegate;
  private final MeterRegistry registry;
  private final Counter uploaded;
  private final Counter downloaded;

  public MeteredObjectStorageAdapter(StorageBackend delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
    this.uploaded = bytes("uploaded");
    this.downloaded = bytes("downloaded");
    for (String operation : new String[] {"put", "get", "delete", "presign", "list", "check"}) {
      timer(operation, "success");
      timer(operation, "error");
    }
  }

  private Counter bytes(String direction) {
    return Counter.builder(BYTES)
        .description("Bytes written to and read from object storage")
        .baseUnit("bytes")
        .tag("direction", direction)
        .register(registry);
  }

  private Timer timer(String operation, String outcome) {
    return Timer.builder(REQUESTS)
        .description("Object storage calls by operation and outcome")
        .tag("operation", operation)
        .tag("outcome", outcome)
        .register(registry);
  }

  private <T> T timed(String operation, Supplier<T> call) {
    long started = System.nanoTime();
    try {
      T result = call.get();
      timer(operation, "success").record(Duration.ofNanos(System.nanoTime() - started));
      return result;
    } catch (StorageUnavailableException e) {
      timer(operation, "error").record(Duration.ofNanos(System.nanoTime() - started));
      throw e;
    }
  }

  @Override
  public StoredObject put(
      String key,
      InputStream content,
      long length,
      String contentType,
      ObjectVisibility visibility) {
    StoredObject stored =
        timed("put", () -> delegate.put(key, content, length, contentType, visibility));
    uploaded.increment(stored.sizeBytes());
    return stored;
  }

  @Override
  public Optional<ObjectContent> get(String key, Optional<ByteRange> range) {
    return timed("get", () -> delegate.get(key, range)).map(this::counted);
  }

  @Override
  public void delete(String key) {
    timed(
        "delete",
        () -> {
          delegate.delete(key);
          return null;
        });
  }

  @Override
  public URI presignGet(String key, Duration validity, DownloadDisposition disposition) {
    return timed("presign", () -> delegate.presignGet(key, validity, disposition));
  }

  @Override
  public URI publicUrl(String key) {
    return delegate.publicUrl(key);
  }

  @Override
  public void list(String prefix, Instant olderThan, Consumer<StoredObjectInfo> sink) {
    timed(
        "list",
        () -> {
          delegate.list(prefix, olderThan, sink);
          return null;
        });
  }

  @Override
  public void check() {
    timed(
        "check",
        () -> {
          delegate.check();
          return null;
        });
  }

  @Override
  public boolean servesSignedLinks() {
    return delegate.servesSignedLinks();
  }

  @Override
  public boolean isAuthentic(SignedFileLink link) {
    return delegate.isAuthentic(link);
  }

  @Override
  public Optional<ObjectContent> openPublic(String key, Optional<ByteRange> range) {
    return timed("get", () -> delegate.openPublic(key, range)).map(this::counted);
  }

  @Override
  public void close() {
    delegate.close();
  }

  private ObjectContent counted(ObjectContent content) {
    return new ObjectContent(
        new CountingStream(content.stream(), downloaded),
        content.length(),
        content.totalSize(),
        content.contentType(),
        content.partial());
  }

  private static final class CountingStream extends FilterInputStream {
    private final Counter counter;

    CountingStream(InputStream in, Counter counter) {
      super(in);
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      int read = super.read();
      if (read >= 0) {
        counter.increment();
      }
      return read;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int read = super.read(b, off, len);
      if (read > 0) {
        counter.increment(read);
      }
      return read;
    }

    @Override
    public long skip(long n) throws IOException {
      return super.skip(n); // skipped bytes are not transferred
    }
  }
}
