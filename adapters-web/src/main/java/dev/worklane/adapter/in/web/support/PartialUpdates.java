package dev.worklane.adapter.in.web.support;

import dev.worklane.application.port.in.Change;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * PATCH bodies bind fields of type {@link Change}: an absent property stays {@code keep()}, an
 * explicit {@code null} becomes {@code to(null)} (clear), a value is read by the value type's own
 * deserializer (so control-character and enum checks still apply). {@code Optional} cannot do this:
 * Jackson reads both absent and null as {@code Optional.empty()} for records.
 */
public final class PartialUpdates {
  private PartialUpdates() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static SimpleModule module() {
    return new SimpleModule("worklane-partial-updates")
        .addDeserializer((Class) Change.class, new ChangeDeserializer(null));
  }

  private static final class ChangeDeserializer extends ValueDeserializer<Change<?>> {
    private final ValueDeserializer<Object> values;

    ChangeDeserializer(ValueDeserializer<Object> values) {
      this.values = values;
    }

    @Override
    public ValueDeserializer<?> createContextual(
        DeserializationContext ctxt, BeanProperty property) {
      JavaType type =
          ctxt.getContextualType() != null ? ctxt.getContextualType() : property.getType();
      JavaType valueType = type.containedTypeOrUnknown(0);
      return new ChangeDeserializer(ctxt.findContextualValueDeserializer(valueType, property));
    }

    @Override
    public Change<?> deserialize(JsonParser p, DeserializationContext ctxt) {
      return Change.to(values.deserialize(p, ctxt));
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      return Change.to(null);
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return Change.keep();
    }
  }
}
