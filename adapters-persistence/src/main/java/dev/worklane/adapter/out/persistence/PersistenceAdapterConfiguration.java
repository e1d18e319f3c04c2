package dev.worklane.adapter.out.persistence;

import java.util.Map;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Everything the persistence adapter contributes: the port adapters, their mappers, the Spring Data
 * repositories and the entities of this package tree. Bootstrap only imports this class; the data
 * source, JPA and Liquibase themselves come from Spring Boot's auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(
    basePackageClasses = PersistenceAdapterConfiguration.class,
    // Only adapters and mappers: a configuration class met on the scan path (a test's, say) must
    // not be pulled in by importing this one.
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Configuration.class))
@EnableJpaRepositories(basePackageClasses = PersistenceAdapterConfiguration.class)
@EntityScan(basePackageClasses = PersistenceAdapterConfiguration.class)
public class PersistenceAdapterConfiguration {

  /** Timestamps are read and written in UTC whatever the JVM's default zone is. */
  @Bean
  HibernatePropertiesCustomizer worklaneUtcJdbcTimeZone() {
    return (Map<String, Object> properties) ->
        properties.putIfAbsent("hibernate.jdbc.time_zone", "UTC");
  }
}
