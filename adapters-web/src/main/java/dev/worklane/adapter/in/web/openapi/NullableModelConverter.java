package dev.worklane.adapter.in.web.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Declares every record property that can be {@code null} as such, in OpenAPI 3.1's way ({@code
 * "type": ["string", "null"]}; {@code oneOf} with {@code {"type": "null"}} around a {@code $ref}),
 * in one place for every DTO. Jackson writes a {@code null} component as {@code null}, so a
 * reference-typed component can be {@code null} unless something says otherwise:
 *
 * <ul>
 *   <li>a non-null constraint or marker ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty},
 *       {@code @NonNull}), or a JSpecify {@code @NullMarked} record, enclosing class or package
 *       (then only {@code @Nullable} components can be null);
 *   <li>{@code @JsonInclude(NON_NULL)} (or stricter) on the component or the record: the property
 *       is left out instead of written as {@code null}.
 * </ul>
 *
 * Primitives are never null. An {@code @Nullable} component is null-able even in a null-marked
 * scope.
 */
class NullableModelConverter implements ModelConverter {
  private static final Set<String> NULLABLE = Set.of("Nullable", "CheckForNull");
  private static final Set<String> NOT_NULL = Set.of("NotNull", "NonNull", "NotBlank", "NotEmpty");
  private static final Set<JsonInclude.Include> LEFT_OUT_WHEN_NULL =
      Set.of(
          JsonInclude.Include.NON_NULL,
          JsonInclude.Include.NON_ABSENT,
          JsonInclude.Include.NON_EMPTY,
          JsonInclude.Include.NON_DEFAULT);

  @Override
  public Schema<?> resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    JavaType javaType = Json.mapper().constructType(type.getType());
    Class<?> record = javaType == null ? null : javaType.getRawClass();
    if (resolved == null || record == null || !record.isRecord()) {
      return resolved;
    }
    Schema<?> model = resolved;
    if (resolved.get$ref() != null) {
      String ref = resolved.get$ref();
      model = context.getDefinedModels().get(ref.substring(ref.lastIndexOf('/') + 1));
    }
    if (model != null && model.getProperties() != null) {
      declareNulls(record, model.getProperties());
    }
    return resolved;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void declareNulls(Class<?> record, Map<String, Schema> properties) {
    for (RecordComponent component : record.getRecordComponents()) {
      Schema property = properties.get(component.getName());
      if (property != null && canBeNull(record, component)) {
        properties.put(component.getName(), nullable(property));
      }
    }
  }

  static boolean canBeNull(Class<?> record, RecordComponent component) {
    if (component.getType().isPrimitive()) {
      return false;
    }
    List<Annotation> annotations = annotationsOf(record, component);
    if (named(annotations, NULLABLE)) {
      return true;
    }
    if (named(annotations, NOT_NULL) || leftOutWhenNull(record, annotations)) {
      return false;
    }
    return component.getType() == Optional.class || !nullMarked(record);
  }

  /** On the component, its field, accessor and type (JSpecify's are type-use annotations). */
  private static List<Annotation> annotationsOf(Class<?> record, RecordComponent component) {
    List<Annotation> annotations = new ArrayList<>();
    annotations.addAll(List.of(component.getAnnotations()));
    annotations.addAll(List.of(component.getAnnotatedType().getAnnotations()));
    annotations.addAll(List.of(component.getAccessor().getAnnotations()));
    try {
      annotations.addAll(List.of(record.getDeclaredField(component.getName()).getAnnotations()));
    } catch (NoSuchFieldException e) {
      // every record component has its field; nothing more to read
    }
    return annotations;
  }

  private static boolean named(List<Annotation> annotations, Set<String> names) {
    return annotations.stream().anyMatch(a -> names.contains(a.annotationType().getSimpleName()));
  }

  private static boolean leftOutWhenNull(Class<?> record, List<Annotation> annotations) {
    return Stream.concat(annotations.stream(), Stream.of(record.getAnnotations()))
        .filter(JsonInclude.class::isInstance)
        .map(JsonInclude.class::cast)
        .anyMatch(include -> LEFT_OUT_WHEN_NULL.contains(include.value()));
  }

  private static boolean nullMarked(Class<?> type) {
    for (Class<?> scope = type; scope != null; scope = scope.getEnclosingClass()) {
      if (hasNullMarked(scope)) {
        return true;
      }
    }
    return type.getPackage() != null && hasNullMarked(type.getPackage());
  }

  private static boolean hasNullMarked(AnnotatedElement element) {
    return Stream.of(element.getAnnotations())
        .anyMatch(a -> "NullMarked".equals(a.annotationType().getSimpleName()));
  }

  /** {@code schema}, also allowing {@code null}. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static Schema nullable(Schema schema) {
    if (schema.get$ref() != null || (schema.getTypes() == null && schema.getType() == null)) {
      JsonSchema wrapper = new JsonSchema();
      wrapper.setOneOf(new ArrayList<>(List.of(schema, Schemas.typed("null"))));
      return wrapper;
    }
    Set<String> types =
        schema.getTypes() == null
            ? new LinkedHashSet<>(List.of(schema.getType()))
            : new LinkedHashSet<>(schema.getTypes());
    types.add("null");
    schema.setTypes(types);
    if (schema.getEnum() != null && !schema.getEnum().contains(null)) {
      List values = new ArrayList<>(schema.getEnum());
      values.add(null);
      schema.setEnum(values);
    }
    return schema;
  }
}
