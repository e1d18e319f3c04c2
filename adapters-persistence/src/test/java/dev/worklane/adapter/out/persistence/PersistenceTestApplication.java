package dev.worklane.adapter.out.persistence;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * The smallest application around the adapter: Boot's auto-configuration plus our import, and the
 * two beans bootstrap provides in the application (the clock, the JSON mapper).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PersistenceAdapterConfiguration.class)
public class PersistenceTestApplication {

  /** Microsecond ticks, as in bootstrap: what PostgreSQL stores is what the clock said. */
  @Bean
  Clock clock() {
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }

  @Bean
  JsonMapper jsonMapper() {
    return JsonMapper.builder().build();
  }
}
