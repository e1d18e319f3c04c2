package dev.worklane.adapter.out.persistence;

import dev.worklane.adapter.out.persistence.testsupport.PostgresTestProperties;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * An integration test of this adapter against real PostgreSQL (a fresh database of {@code
 * TestPostgres}). Every test class carrying it shares one Spring context and one database, so tests
 * use their own ids and emails instead of cleaning up. Constructors of test classes are autowired.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(
    classes = PersistenceTestApplication.class,
    properties = {
      "spring.jpa.hibernate.ddl-auto=validate",
      "spring.jpa.properties.hibernate.jdbc.time_zone=UTC",
      "spring.jpa.open-in-view=false",
      "spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml",
      "spring.main.banner-mode=off"
    })
@ContextConfiguration(initializers = PostgresTestProperties.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public @interface PersistenceIntegrationTest {}
