package dev.worklane.adapter.out.redis.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.client.RedisException;

/**
 * One of the cache's Lua scripts on one key, run with EVALSHA (its SHA-1 is computed here, so no
 * load round trip); after a Redis restart emptied the script cache, EVAL runs and reloads it.
 */
final class CacheScript {
  private final String source;
  private final String sha;

  CacheScript(String source) {
    this.source = source;
    try {
      this.sha =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-1")
                      .digest(source.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  <R> R run(RScript script, String key, RScript.ReturnType type, Object... args) {
    List<Object> keys = List.of(key);
    try {
      return script.evalSha(key, RScript.Mode.READ_WRITE, sha, type, keys, args);
    } catch (RedisException e) {
      if (e.getMessage() == null || !e.getMessage().contains("NOSCRIPT")) {
        throw e;
      }
      return script.eval(key, RScript.Mode.READ_WRITE, source, type, keys, args);
    }
  }
}
