package dev.worklane.adapter.in.web.support;

import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Position;
import dev.worklane.domain.project.ProjectId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns the core's {@link Position} into an opaque, tamper-evident cursor and back.
 *
 * <p>Format: base64url (no padding) of {@code version(1) | epochSecond(8) | nanos(4) | uuid(16) |
 * mac(16)}, where mac is HMAC-SHA256 truncated to 128 bits over the first 29 bytes <em>and</em> the
 * name of the list the cursor belongs to (e.g. {@code tasks:<projectId>}). A cursor from another
 * list, an edited byte or a forged one fails the MAC and is refused with 400 {@code
 * INVALID_CURSOR}. The key comes from {@code WORKLANE_CURSOR_SECRET} (or a generated file shared by
 * instances on one data directory), so every instance accepts every other's cursors.
 */
public final class CursorCodec {
  private static final byte FORMAT = 1;
  private static final int PAYLOAD_BYTES = 1 + 8 + 4 + 16;
  private static final int MAC_BYTES = 16;
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public CursorCodec(byte[] secret) {
    if (secret == null || secret.length < 32) {
      throw new IllegalArgumentException("the cursor secret needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  /** The names cursors are bound to: a cursor of one list is refused by every other. */
  public static String projectList() {
    return "projects";
  }

  public static String memberList(ProjectId project) {
    return "members:" + project;
  }

  public static String taskList(ProjectId project) {
    return "tasks:" + project;
  }

  /** The request for one page: the first page without a cursor, else the one after it. */
  public CursorRequest request(String cursor, String perPage, String list) {
    int size = PageParameters.perPage(perPage);
    return new CursorRequest(cursor == null ? null : decode(cursor, list), size);
  }

  /** {@code meta.nextCursor} of a page: null on the last page. */
  public String next(CursorPage<?> page, String list) {
    return page.next() == null ? null : encode(page.next(), list);
  }

  public String encode(Position position, String list) {
    ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES);
    payload
        .put(FORMAT)
        .putLong(position.at().getEpochSecond())
        .putInt(position.at().getNano())
        .putLong(position.id().getMostSignificantBits())
        .putLong(position.id().getLeastSignificantBits());
    payload.put(mac(payload.array(), list));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
  }

  public Position decode(String cursor, String list) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw new InvalidCursorException();
    }
    if (bytes.length != PAYLOAD_BYTES + MAC_BYTES || bytes[0] != FORMAT) {
      throw new InvalidCursorException();
    }
    byte[] expected = mac(bytes, list);
    byte[] actual = Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw new InvalidCursorException();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, PAYLOAD_BYTES - 1);
    try {
      Instant at = Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
      return new Position(at, new UUID(buffer.getLong(), buffer.getLong()));
    } catch (DateTimeException | ArithmeticException e) {
      throw new InvalidCursorException();
    }
  }

  /** MAC over the payload (the first {@link #PAYLOAD_BYTES} of {@code bytes}) and the list. */
  private byte[] mac(byte[] bytes, String list) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(bytes, 0, PAYLOAD_BYTES);
      mac.update((byte) 0);
      mac.update(list.getBytes(StandardCharsets.UTF_8));
      return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
