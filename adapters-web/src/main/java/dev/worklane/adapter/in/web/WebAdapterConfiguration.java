package dev.worklane.adapter.in.web;

import dev.worklane.adapter.in.web.support.CursorCodec;
import dev.worklane.adapter.in.web.support.CursorSecret;
import dev.worklane.adapter.in.web.support.CursorSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The web adapter's one entry point for bootstrap: picks up controllers, filters, error handling
 * and security. Bootstrap supplies only settings records ({@code WebSettings}, {@code JwtSettings},
 * {@code CursorSettings}, {@code ApiVersionSettings}) mapped from its properties.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = WebAdapterConfiguration.class)
public class WebAdapterConfiguration {

  /** Cursors are MAC'd with a key every instance shares (configuration or the data directory). */
  @Bean
  CursorCodec cursorCodec(CursorSettings settings) {
    return new CursorCodec(CursorSecret.load(settings.secret(), settings.secretFile()));
  }
}
