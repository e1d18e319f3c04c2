package dev.worklane.adapter.out.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.adapter.out.security.password.PasswordHashingSettings;
import dev.worklane.application.port.out.AuthenticationMetrics;
import dev.worklane.application.port.out.PasswordHasher;
import dev.worklane.domain.user.Password;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class SecurityAdapterConfigurationTest {

  @Test
  void providesTheHasherAtTheConfiguredCostAndTheMeters() {
    try (var context = new AnnotationConfigApplicationContext()) {
      context.registerBean(PasswordHashingSettings.class, () -> new PasswordHashingSettings(11));
      context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
      context.register(SecurityAdapterConfiguration.class);
      context.refresh();

      PasswordHasher hasher = context.getBean(PasswordHasher.class);
      assertThat(hasher.hash(new Password("correct horse battery"))).startsWith("$2a$11$");
      context.getBean(AuthenticationMetrics.class).loginSucceeded();
      assertThat(context.getBean(MeterRegistry.class).get("worklane.auth.logins").counter().count())
          .isEqualTo(1);
    }
  }
}
