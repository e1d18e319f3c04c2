package dev.worklane.adapter.in.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class NullableModelConverterTest {
  enum Colour {
    RED,
    BLUE
  }

  record Inner(String value) {}

  record Plain(
      UUID id,
      long count,
      @NotBlank String name,
      Colour colour,
      Inner inner,
      @JsonInclude(JsonInclude.Include.NON_NULL) Inner summary) {}

  @NullMarked
  record Marked(String title, @Nullable String description, @Nullable Inner inner) {}

  @Test
  void everyReferenceComponentWithoutANonNullSignalCanBeNull() {
    Map<String, Schema> properties = resolve(Plain.class).get("Plain").getProperties();
    assertThat(properties.get("id").getTypes()).containsExactly("string", "null");
    assertThat(properties.get("count").getTypes()).containsExactly("integer");
    assertThat(properties.get("name").getTypes()).as("@NotBlank").containsExactly("string");
    assertThat(properties.get("colour").getTypes()).contains("null");
    assertThat(properties.get("colour").getEnum())
        .as("an enum must list null too")
        .contains("RED")
        .containsNull();
    Schema inner = properties.get("inner");
    assertThat(inner.get$ref()).isNull();
    assertThat(inner.getOneOf()).hasSize(2);
    assertThat(((Schema<?>) inner.getOneOf().get(0)).get$ref()).endsWith("/Inner");
    assertThat(((Schema<?>) inner.getOneOf().get(1)).getTypes()).containsExactly("null");
    assertThat(properties.get("summary").get$ref())
        .as("NON_NULL: left out, never null")
        .endsWith("/Inner");
  }

  @Test
  void inANullMarkedScopeOnlyNullableComponentsCanBeNull() {
    Map<String, Schema> properties = resolve(Marked.class).get("Marked").getProperties();
    assertThat(properties.get("title").getTypes()).containsExactly("string");
    assertThat(properties.get("description").getTypes()).containsExactly("string", "null");
    assertThat(properties.get("inner").getOneOf()).hasSize(2);
  }

  private static Map<String, Schema> resolve(Class<?> type) {
    ModelConverters converters = new ModelConverters(true);
    converters.addConverter(new NullableModelConverter());
    return converters.readAll(type);
  }
}
