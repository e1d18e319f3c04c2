package dev.worklane.adapter.in.web;

import dev.worklane.adapter.in.web.outbound.BCryptPasswordHasherAdapter;
import dev.worklane.adapter.in.web.outbound.MicrometerAuthenticationMetricsAdapter;
import dev.worklane.adapter.in.web.outbound.PasswordHashingSettings;
import dev.worklane.adapter.in.web.support.CursorCodec;
import dev.worklane.adapter.in.web.support.CursorSecret;
import dev.worklane.adapter.in.web.support.CursorSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The web adapter's one entry point for bootstrap: picks up controllers, filters, error handling
 * and security, and creates the out-port adapters that run on this module's technology. Bootstrap
 * supplies only settings records ({@code WebSettings}, {@code JwtSettings}, {@link
 * PasswordHashingSettings}, {@code CursorSettings}, {@code ApiVersionSettings}) mapped from its
 * properties.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = WebAdapterConfiguration.class)
public class WebAdapterConfiguration {

  @Bean
  BCryptPasswordHasherAdapter passwordHasher(PasswordHashingSettings settings) {
    return new BCryptPasswordHasherAdapter(settings.bcryptStrength());
  }

  /** Cursors are MAC'd with a key every instance shares (configuration or the data directory). */
  @Bean
  CursorCodec cursorCodec(CursorSettings settings) {
    return new CursorCodec(CursorSecret.load(settings.secret(), settings.secretFile()));
  }

  @Bean
  MicrometerAuthenticationMetricsAdapter authenticationMetrics(MeterRegistry registry) {
    return new MicrometerAuthenticationMetricsAdapter(registry);
  }
}
