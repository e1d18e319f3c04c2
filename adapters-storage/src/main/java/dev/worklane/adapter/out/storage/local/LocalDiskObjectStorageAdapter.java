package dev.worklane.adapter.out.storage.local;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Objects as files under one root directory ({@code $WORKLANE_DATA_DIR/files} by default), key
 * {@code a/b/c} at {@code root/a/b/c}, each file a {@link ObjectHeader} followed by the bytes.
 *
 * <p>A put writes a hidden temporary file ({@code .c.<uuid>.part}) beside its target and renames it
 * into place atomically, so a reader sees the old object or the whole new one, and a put that fails
 * (the stream throws, the disk fills, the length is wrong) removes its temporary file; one left by
 * a crash is removed by {@link #list} once older than its cutoff. Signed URLs are app URLs ({@code
 * <downloadBase>/<key>?expires=…&name=…&type=…&signature=…}) that the web adapter verifies through
 * {@link dev.worklane.application.port.out.ServedFiles}.
 */
public final class LocalDiskObjectStorageAdapter implements StorageBackend {
  private static final int BUFFER = 64 * 1024;
  private static final String PART_SUFFIX = ".part";

  private final Path root;
  private final LinkSigner signer;
  private final String downloadBase;
  private final String publicBase;
  private final Clock clock;

  /**
   * @param root the directory that holds every object; created if missing
   * @param signingSecret the HMAC key of signed URLs (at least 32 bytes)
   * @param downloadBaseUrl where the app serves signed downloads, e.g. {@code
   *     http://localhost:8080/files/download}
   * @param publicBaseUrl where public objects are served, e.g. {@code
   *     http://localhost:8080/files/public}
   */
  public LocalDiskObjectStorageAdapter(
      Path root, byte[] signingSecret, URI downloadBaseUrl, URI publicBaseUrl, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.signer = new LinkSigner(signingSecret);
    this.downloadBase = withoutTrailingSlash(downloadBaseUrl);
    this.publicBase = withoutTrailingSlash(publicBaseUrl);
    this.clock = clock;
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot create the file storage directory " + this.root + ": " + e, e);
    }
  }

  @Override
  public StoredObject put(
      String key,
      InputStream content,
      long length,
      String contentType,
      ObjectVisibility visibility) {
    Path target = resolve(key);
    StorageKeys.requireValidContentType(contentType);
    if (length < -1) {
      throw new IllegalArgumentException("length must be -1 (unknown) or the byte count");
    }
    if (Files.isDirectory(target)) {
      throw new IllegalArgumentException("the key names a directory of other objects");
    }
    Path directory = target.getParent();
    createDirectories(directory);
    Path temporary =
        directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + PART_SUFFIX);
    boolean moved = false;
    try {
      long written;
      try (FileChannel out =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        writeFully(out, new ObjectHeader(visibility, contentType).encode());
        written = copy(content, out, length);
        out.force(false);
      }
      move(temporary, target);
      moved = true;
      return new StoredObject(key, written);
    } catch (IOException e) {
      throw unavailable("write", e);
    } finally {
      if (!moved) {
        deleteQuietly(temporary);
      }
    }
  }

  /**
   * Copies the caller's stream; its failures (a size limit crossed, a client that went away) reach
   * the caller as they are, an {@link IOException} of it as {@link UncheckedIOException}, and are
   * never mistaken for the store's.
   */
  private static long copy(InputStream content, FileChannel out, long length) throws IOException {
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    while (true) {
      int read;
      try {
        read = content.read(buffer);
      } catch (IOException e) {
        throw new UncheckedIOException("reading the content to store failed", e);
      }
      if (read < 0) {
        break;
      }
      total += read;
      if (length >= 0 && total > length) {
        throw new IllegalArgumentException("the content is longer than its declared length");
      }
      writeFully(out, ByteBuffer.wrap(buffer, 0, read));
    }
    if (length >= 0 && total != length) {
      throw new IllegalArgumentException("the content is shorter than its declared length");
    }
    return total;
  }

  @Override
  public Optional<ObjectContent> get(String key, Optional<ByteRange> range) {
    return open(resolve(key), range).map(Opened::content);
  }

  @Override
  public void delete(String key) {
    Path file = resolve(key);
    try {
      if (Files.isRegularFile(file)) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw unavailable("delete", e);
    }
  }

  @Override
  public URI presignGet(String key, Duration validity, DownloadDisposition disposition) {
    StorageKeys.requireValid(key);
    PresignValidity.require(validity);
    StorageKeys.requireValidContentType(disposition.contentType());
    long expires = clock.instant().plus(validity).getEpochSecond();
    String signature = signer.sign(key, expires, disposition);
    return URI.create(
        downloadBase
            + "/"
            + key
            + "?expires="
            + expires
            + "&name="
            + queryValue(disposition.fileName())
            + "&type="
            + queryValue(disposition.contentType())
            + "&signature="
            + signature);
  }

  @Override
  public URI publicUrl(String key) {
    StorageKeys.requireValid(key);
    return URI.create(publicBase + "/" + key);
  }

  @Override
  public void list(String prefix, Instant olderThan, Consumer<StoredObjectInfo> sink) {
    StorageKeys.requireValidPrefix(prefix);
    int slash = prefix.lastIndexOf('/');
    Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
    if (!Files.isDirectory(start)) {
      return;
    }
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              if (!attributes.isRegularFile()) {
                return FileVisitResult.CONTINUE;
              }
              Instant modified = attributes.lastModifiedTime().toInstant();
              String name = file.getFileName().toString();
              if (name.startsWith(".")) {
                if (name.endsWith(PART_SUFFIX) && modified.isBefore(olderThan)) {
                  Files.deleteIfExists(file); // an unfinished put left by a crash
                }
                return FileVisitResult.CONTINUE;
              }
              String key = keyOf(file);
              if (key.startsWith(prefix)
                  && modified.isBefore(olderThan)
                  && attributes.size() >= ObjectHeader.SIZE) {
                sink.accept(
                    new StoredObjectInfo(key, attributes.size() - ObjectHeader.SIZE, modified));
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
              if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE; // removed while we walked
              }
              throw e;
            }
          });
    } catch (IOException e) {
      throw unavailable("list", e);
    }
  }

  /**
   * The root exists and takes a write: a probe file is created and removed (a read-only or full
   * file system fails here even for root, whom permission bits do not stop).
   */
  @Override
  public void check() {
    if (!Files.isDirectory(root)) {
      throw new StorageUnavailableException("the file storage directory is missing", null);
    }
    try {
      Path probe = Files.createTempFile(root, ".check.", PART_SUFFIX);
      Files.delete(probe);
    } catch (IOException e) {
      throw unavailable("check", e);
    }
  }

  @Override
  public boolean servesSignedLinks() {
    return true;
  }

  @Override
  public boolean isAuthentic(SignedFileLink link) {
    return StorageKeys.isValid(link.key()) && signer.verify(link);
  }

  @Override
  public Optional<ObjectContent> openPublic(String key, Optional<ByteRange> range) {
    if (!StorageKeys.isValid(key)) {
      return Optional.empty();
    }
    Optional<Opened> opened = open(resolve(key), range);
    if (opened.isPresent() && opened.get().header().visibility() != ObjectVisibility.PUBLIC) {
      opened.get().content().close();
      return Optional.empty();
    }
    return opened.map(Opened::content);
  }

  private record Opened(ObjectHeader header, ObjectContent content) {}

  private Optional<Opened> open(Path file, Optional<ByteRange> range) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw unavailable("read", e);
    }
    try {
      ObjectHeader header = ObjectHeader.read(channel);
      long size = channel.size() - ObjectHeader.SIZE;
      long first = 0;
      long last = size - 1;
      if (range.isPresent()) {
        first = range.get().first();
        if (first >= size) {
          throw new IllegalArgumentException("the range starts beyond the object's end");
        }
        if (range.get().last() != -1) {
          last = Math.min(range.get().last(), size - 1);
        }
      }
      long length = Math.max(0, last - first + 1);
      InputStream stream = new BoundedChannelStream(channel, ObjectHeader.SIZE + first, length);
      return Optional.of(
          new Opened(
              header,
              new ObjectContent(stream, length, size, header.contentType(), range.isPresent())));
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      if (e instanceof IOException io) {
        throw unavailable("read", io);
      }
      throw (RuntimeException) e;
    }
  }

  private Path resolve(String key) {
    StorageKeys.requireValid(key);
    Path file = root.resolve(key).normalize();
    if (!file.startsWith(root) || file.equals(root)) {
      throw new IllegalArgumentException("invalid storage key");
    }
    return file;
  }

  private String keyOf(Path file) {
    return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (FileAlreadyExistsException | NotDirectoryException e) {
      throw new IllegalArgumentException("the key runs through an existing object", e);
    } catch (IOException e) {
      throw unavailable("write", e);
    }
  }

  private static void move(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file storage directory does not support atomic renames", e);
    }
  }

  private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private static String queryValue(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String withoutTrailingSlash(URI uri) {
    String text = uri.toString();
    return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  private static StorageUnavailableException unavailable(String operation, IOException e) {
    return new StorageUnavailableException(
        "local file storage " + operation + " failed: " + e.getClass().getSimpleName(), e);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // list() removes leftovers once they are old enough
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // nothing was read from it
    }
  }
}
