package dev.worklane.adapter.in.web.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.worklane.adapter.in.web.support.SecretFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ES256 key set: one active signing key plus older keys that are still published so tokens they
 * signed stay valid (rotation without logging everybody out).
 */
public final class JwtKeys {
  public static final JWSAlgorithm ALGORITHM = JWSAlgorithm.ES256;
  private static final Logger LOG = LoggerFactory.getLogger(JwtKeys.class);

  private final ECKey signingKey;
  private final JWKSet publicKeys;

  JwtKeys(ECKey signingKey, JWKSet all) {
    this.signingKey = signingKey;
    this.publicKeys = all.toPublicJWKSet();
  }

  public ECKey signingKey() {
    return signingKey;
  }

  /** What /.well-known/jwks.json serves and what the decoder trusts: public halves only. */
  public JWKSet publicKeys() {
    return publicKeys;
  }

  public static JwtKeys load(JwtSettings settings) {
    try {
      JWKSet set;
      if (settings.keysJson() != null && !settings.keysJson().isBlank()) {
        set = JWKSet.parse(settings.keysJson());
      } else if (settings.keysFile() != null && Files.exists(settings.keysFile())) {
        set = JWKSet.parse(Files.readString(settings.keysFile(), StandardCharsets.UTF_8));
      } else if (settings.keysFile() != null && settings.generateKeysIfMissing()) {
        set = new JWKSet(generate());
        write(settings.keysFile(), set);
        LOG.info("jwt_keys_generated file={}", settings.keysFile());
      } else {
        throw new IllegalStateException(
            "No JWT signing keys: set WORKLANE_JWT_KEYS (JWK set JSON) or WORKLANE_JWT_KEYS_FILE");
      }
      return fromSet(set, settings.activeKeyId());
    } catch (IOException | ParseException | JOSEException e) {
      throw new IllegalStateException("Cannot load JWT keys: " + e.getClass().getSimpleName(), e);
    }
  }

  static JwtKeys fromSet(JWKSet set, String activeKeyId) {
    List<JWK> keys = set.getKeys();
    JWK active =
        activeKeyId == null || activeKeyId.isBlank()
            ? keys.stream().findFirst().orElse(null)
            : set.getKeyByKeyId(activeKeyId);
    if (!(active instanceof ECKey ec) || !ec.isPrivate() || !Curve.P_256.equals(ec.getCurve())) {
      throw new IllegalStateException(
          "The active JWT key must be a private EC P-256 key (ES256) with a kid");
    }
    if (ec.getKeyID() == null) {
      throw new IllegalStateException("The active JWT key needs a kid");
    }
    return new JwtKeys(ec, set);
  }

  /** A fresh P-256 key whose kid says when it was made (handy when rotating). */
  public static ECKey generate() throws JOSEException {
    return new ECKeyGenerator(Curve.P_256)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(ALGORITHM)
        .keyID("wl-" + Instant.now().getEpochSecond())
        .generate();
  }

  private static void write(Path file, JWKSet set) throws IOException {
    Path tmp = SecretFiles.ownerOnlyTempFile(file.toAbsolutePath().getParent(), "jwks");
    Files.writeString(tmp, set.toString(false), StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
  }
}
