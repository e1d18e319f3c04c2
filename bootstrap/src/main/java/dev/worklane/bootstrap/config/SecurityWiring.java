package dev.worklane.bootstrap.config;

import dev.worklane.adapter.in.web.security.JwtSettings;
import dev.worklane.adapter.in.web.security.SessionSettings;
import dev.worklane.adapter.in.web.support.ApiVersionSettings;
import dev.worklane.adapter.in.web.support.CursorSettings;
import dev.worklane.adapter.in.web.support.WebSettings;
import dev.worklane.adapter.out.security.SecurityAdapterConfiguration;
import dev.worklane.adapter.out.security.password.PasswordHashingSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Turns typed properties into the plain settings records the web and security adapters need; the
 * adapters' own configurations ({@code WebAdapterConfiguration}, {@link
 * SecurityAdapterConfiguration}) build their beans from them.
 */
@Configuration(proxyBeanMethods = false)
@Import(SecurityAdapterConfiguration.class)
public class SecurityWiring {

  @Bean
  JwtSettings jwtSettings(WorklaneProperties properties) {
    WorklaneProperties.Jwt jwt = properties.jwt();
    return new JwtSettings(
        jwt.issuer(),
        jwt.audience(),
        jwt.accessTokenTtl(),
        jwt.keys(),
        properties.resolvedKeysFile(),
        jwt.generateKeys(),
        jwt.activeKeyId(),
        properties.jwkSetUri());
  }

  @Bean
  PasswordHashingSettings passwordHashingSettings(WorklaneProperties properties) {
    return new PasswordHashingSettings(properties.security().bcryptStrength());
  }

  @Bean
  SessionSettings sessionSettings(WorklaneProperties properties) {
    return new SessionSettings(properties.security().sessionMaxLifetime());
  }

  @Bean
  WebSettings webSettings(WorklaneProperties properties) {
    return new WebSettings(
        properties.web().maxJsonBody().toBytes(), properties.rateLimit().enabled());
  }

  @Bean
  CursorSettings cursorSettings(WorklaneProperties properties) {
    return new CursorSettings(properties.cursor().secret(), properties.resolvedCursorSecretFile());
  }

  @Bean
  ApiVersionSettings apiVersionSettings(WorklaneProperties properties) {
    return new ApiVersionSettings(
        properties.api().v1Deprecation(), properties.api().v1SunsetDate());
  }
}
