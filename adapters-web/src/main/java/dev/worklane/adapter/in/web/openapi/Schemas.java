package dev.worklane.adapter.in.web.openapi;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Building OpenAPI 3.1 schemas, and the bounds a value's type already implies. */
final class Schemas {
  private Schemas() {}

  static boolean isType(Schema<?> schema, String type) {
    return schema != null
        && (type.equals(schema.getType())
            || (schema.getTypes() != null && schema.getTypes().contains(type)));
  }

  static String refName(Schema<?> schema) {
    if (schema == null || schema.get$ref() == null) {
      return null;
    }
    String ref = schema.get$ref();
    return ref.substring(ref.lastIndexOf('/') + 1);
  }

  static Schema<Object> ref(String component) {
    return new JsonSchema().$ref("#/components/schemas/" + component);
  }

  static Schema<Object> typed(String... types) {
    Schema<Object> schema = new JsonSchema();
    schema.setTypes(new LinkedHashSet<>(List.of(types)));
    return schema;
  }

  static Schema<Object> object() {
    return typed("object");
  }

  static Schema<Object> string() {
    return typed("string");
  }

  static Schema<Object> integer(long minimum, long maximum) {
    Schema<Object> schema = typed("integer");
    schema.setFormat(
        maximum > Integer.MAX_VALUE || minimum < Integer.MIN_VALUE ? "int64" : "int32");
    schema.setMinimum(BigDecimal.valueOf(minimum));
    schema.setMaximum(BigDecimal.valueOf(maximum));
    return schema;
  }

  /**
   * Adds the limits a value's type already fixes: a uuid is 36 characters, an ISO-8601 instant at
   * most 35, a Java int or long cannot leave its range. Other strings and arrays must declare their
   * own limits ({@code @Size}, {@code @Schema(maxLength…)}): the lint reports the ones that do not.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  static void bound(Schema schema, IdentityHashMap<Schema<?>, Boolean> seen) {
    if (schema == null || schema.get$ref() != null || seen.put(schema, Boolean.TRUE) != null) {
      return;
    }
    if (isType(schema, "string")
        && schema.getMaxLength() == null
        && schema.getEnum() == null
        && schema.getConst() == null) {
      Integer implied =
          switch (String.valueOf(schema.getFormat())) {
            case "uuid" -> 36;
            case "date-time" -> 35;
            case "date" -> 10;
            case "email" -> 254;
            case "uri", "uri-reference" -> 2048;
            default -> null;
          };
      schema.setMaxLength(implied);
    }
    if (isType(schema, "integer")) {
      boolean isLong = "int64".equals(schema.getFormat());
      if (schema.getFormat() == null) {
        schema.setFormat("int32");
      }
      if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
        schema.setMinimum(BigDecimal.valueOf(isLong ? Long.MIN_VALUE : Integer.MIN_VALUE));
      }
      if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
        schema.setMaximum(BigDecimal.valueOf(isLong ? Long.MAX_VALUE : Integer.MAX_VALUE));
      }
    }
    if (schema.getProperties() != null) {
      ((Map<String, Schema>) schema.getProperties()).values().forEach(s -> bound(s, seen));
    }
    bound(schema.getItems(), seen);
    if (schema.getAdditionalProperties() instanceof Schema additional) {
      bound(additional, seen);
    }
    for (Collection<Schema> group :
        new Collection[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
      if (group != null) {
        group.forEach(s -> bound(s, seen));
      }
    }
  }
}
