package dev.worklane.adapter.out.storage.local;

import dev.worklane.application.port.model.storage.DownloadDisposition;
import dev.worklane.application.port.model.storage.SignedFileLink;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over a link's key, expiry (epoch seconds), file name and content type, each field
 * length-prefixed so no two links share an input; base64url without padding in the URL. Verified in
 * constant time.
 */
final class LinkSigner {
  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] CONTEXT = "worklane-file-link-v1".getBytes(StandardCharsets.UTF_8);
  private final SecretKeySpec key;

  LinkSigner(byte[] secret) {
    if (secret.length < 32) {
      throw new IllegalArgumentException("the link signing secret needs at least 32 bytes");
    }
    this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
  }

  String sign(String objectKey, long expiresEpochSecond, DownloadDisposition disposition) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac(objectKey, expiresEpochSecond, disposition));
  }

  boolean verify(SignedFileLink link) {
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(link.signature());
    } catch (IllegalArgumentException e) {
      return false;
    }
    byte[] expected = mac(link.key(), link.expires().getEpochSecond(), link.disposition());
    return MessageDigest.isEqual(expected, given);
  }

  private byte[] mac(String objectKey, long expiresEpochSecond, DownloadDisposition disposition) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      field(mac, CONTEXT);
      field(mac, objectKey.getBytes(StandardCharsets.UTF_8));
      field(mac, Long.toString(expiresEpochSecond).getBytes(StandardCharsets.US_ASCII));
      field(mac, disposition.fileName().getBytes(StandardCharsets.UTF_8));
      field(mac, disposition.contentType().getBytes(StandardCharsets.UTF_8));
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private static void field(Mac mac, byte[] value) {
    mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(value.length).array());
    mac.update(value);
  }
}
