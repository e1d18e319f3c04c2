package dev.worklane.adapter.in.web.openapi;

import com.fasterxml.jackson.databind.JavaType;
import dev.worklane.application.port.in.Change;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Iterator;

/**
 * A PATCH field of type {@code Change<T>} is written as a plain {@code T} (or {@code null} to
 * clear; absent to keep), see {@code PartialUpdates}: document it as {@code T}, with the field's
 * own annotations, instead of the {@code {present, value}} record springdoc would otherwise show.
 * (springdoc introspects with its own Jackson 2, hence the {@code com.fasterxml} type.)
 */
class ChangeModelConverter implements ModelConverter {

  @Override
  public Schema<?> resolve(
      AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
    JavaType javaType = Json.mapper().constructType(type.getType());
    if (javaType != null && Change.class.equals(javaType.getRawClass())) {
      AnnotatedType inner =
          new AnnotatedType(javaType.containedTypeOrUnknown(0))
              .ctxAnnotations(type.getCtxAnnotations())
              .parent(type.getParent())
              .schemaProperty(type.isSchemaProperty())
              .propertyName(type.getPropertyName())
              .resolveAsRef(type.isResolveAsRef())
              .jsonViewAnnotation(type.getJsonViewAnnotation())
              .skipOverride(true);
      return context.resolve(inner);
    }
    return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
  }
}
