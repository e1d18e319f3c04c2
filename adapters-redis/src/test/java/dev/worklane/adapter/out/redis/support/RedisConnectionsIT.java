package dev.worklane.adapter.out.redis.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.redis.RedisSettings;
import dev.worklane.adapter.out.redis.testsupport.TestRedis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/** The seed's logical databases hold with a URL and with a Redisson YAML file alike. */
class RedisConnectionsIT {
  @TempDir Path dir;

  @Test
  void aYamlConfigStillGetsOneDatabasePerRole() throws Exception {
    Path yaml = dir.resolve("redisson.yaml");
    Files.writeString(
        yaml, "singleServerConfig:\n  address: \"" + TestRedis.url() + "\"\n  database: 5\n");
    String prefix = TestRedis.uniquePrefix();
    try (RedisConnections connections =
        new RedisConnections(
            new RedisSettings(
                null, yaml.toString(), 3, 4, prefix, Duration.ofSeconds(1), Duration.ofSeconds(5)),
            Clock.systemUTC())) {
      connections
          .cache()
          .getBucket(prefix + "probe", StringCodec.INSTANCE)
          .set("cache", Duration.ofMinutes(1));
      connections
          .sessions()
          .getBucket(prefix + "probe", StringCodec.INSTANCE)
          .set("sessions", Duration.ofMinutes(1));

      assertThat(valueIn(3, prefix + "probe")).isEqualTo("cache");
      assertThat(valueIn(4, prefix + "probe")).isEqualTo("sessions");
      assertThat(valueIn(5, prefix + "probe")).as("the file's own database is overridden").isNull();
    }
  }

  @Test
  void aUrlConfigUsesTheConfiguredDatabases() {
    String prefix = TestRedis.uniquePrefix();
    try (RedisConnections connections =
        new RedisConnections(
            new RedisSettings(
                TestRedis.url(), null, 6, 7, prefix, Duration.ofSeconds(1), Duration.ofSeconds(5)),
            Clock.systemUTC())) {
      connections
          .sessions()
          .getBucket(prefix + "probe", StringCodec.INSTANCE)
          .set("sessions", Duration.ofMinutes(1));
      assertThat(valueIn(7, prefix + "probe")).isEqualTo("sessions");
      assertThat(valueIn(6, prefix + "probe")).isNull();
    }
  }

  private static String valueIn(int database, String key) {
    Config config = new Config();
    config.useSingleServer().setAddress(TestRedis.url()).setDatabase(database);
    RedissonClient raw = Redisson.create(config);
    try {
      return raw.<String>getBucket(key, StringCodec.INSTANCE).get();
    } finally {
      raw.shutdown();
    }
  }
}
