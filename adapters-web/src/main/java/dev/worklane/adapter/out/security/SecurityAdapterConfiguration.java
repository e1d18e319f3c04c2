package dev.worklane.adapter.out.security;

import dev.worklane.adapter.out.security.metrics.MicrometerAuthenticationMetricsAdapter;
import dev.worklane.adapter.out.security.password.BCryptPasswordHasherAdapter;
import dev.worklane.adapter.out.security.password.PasswordHashingSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The security adapter's one entry point for bootstrap: the password hasher and the authentication
 * meters. Bootstrap supplies {@link PasswordHashingSettings} mapped from its properties.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityAdapterConfiguration {

  @Bean
  BCryptPasswordHasherAdapter passwordHasher(PasswordHashingSettings settings) {
    return new BCryptPasswordHasherAdapter(settings.bcryptStrength());
  }

  @Bean
  MicrometerAuthenticationMetricsAdapter authenticationMetrics(MeterRegistry registry) {
    return new MicrometerAuthenticationMetricsAdapter(registry);
  }
}
