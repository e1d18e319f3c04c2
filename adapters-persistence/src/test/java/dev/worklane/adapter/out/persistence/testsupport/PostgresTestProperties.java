package dev.worklane.adapter.out.persistence.testsupport;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a fresh database of {@link TestPostgres}: sets {@code
 * spring.datasource.url}, {@code username} and {@code password} ahead of every other property
 * source. Use it as
 *
 * <pre>{@code
 * @SpringBootTest
 * @ContextConfiguration(initializers = PostgresTestProperties.class)
 * }</pre>
 *
 * Spring caches test contexts per configuration, so every context gets its own database once, and
 * tests sharing a configuration share the context and its database.
 */
public class PostgresTestProperties
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String PROPERTY_SOURCE_NAME = "worklaneTestPostgres";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(PROPERTY_SOURCE_NAME, properties(TestPostgres.freshDatabase())));
  }

  /** The datasource properties for {@code database}, e.g. for a {@code DynamicPropertySource}. */
  public static Map<String, Object> properties(TestPostgres.Database database) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("spring.datasource.url", database.jdbcUrl());
    properties.put("spring.datasource.username", database.username());
    properties.put(
        "spring.datasource.password", database.password() == null ? "" : database.password());
    return properties;
  }
}
