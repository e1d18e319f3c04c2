package dev.worklane.adapter.in.web.support;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** A strict JSON reader (unknown fields are 400, never silently bound). */
@Configuration(proxyBeanMethods = false)
public class WebMvcSettings {

  /**
   * No silent binding: unknown properties, duplicate keys, numbers for strings all fail; strings
   * with control characters too ({@link ControlCharacterGuard}). PATCH fields tell absent from null
   * ({@link PartialUpdates}).
   */
  @Bean
  JsonMapperBuilderCustomizer strictJsonReading() {
    return builder ->
        builder
            .addModule(ControlCharacterGuard.module())
            .addModule(PartialUpdates.module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withCoercionConfig(
                LogicalType.Textual,
                config ->
                    config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }

  /**
   * Only Boot's Jackson 3 reads and writes the API. springdoc brings Jackson 2 (and its YAML
   * module) for its own documents, which would otherwise add a Jackson 2 YAML converter that none
   * of the strict reading rules above apply to.
   */
  @Bean
  WebMvcConfigurer jackson3Only() {
    return new WebMvcConfigurer() {
      @Override
      public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(
            converters -> converters.removeIf(c -> c.getClass().getName().contains("Jackson2")));
      }
    };
  }
}
