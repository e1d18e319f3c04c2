package dev.worklane.bootstrap;

import dev.worklane.adapter.in.web.WebAdapterConfiguration;
import dev.worklane.adapter.out.persistence.PersistenceAdapterConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** Worklane: wires the core's ports to the adapters chosen by configuration. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import({WebAdapterConfiguration.class, PersistenceAdapterConfiguration.class})
public class WorklaneApplication {

  public static void main(String[] args) {
    SpringApplication.run(WorklaneApplication.class, args);
  }
}
