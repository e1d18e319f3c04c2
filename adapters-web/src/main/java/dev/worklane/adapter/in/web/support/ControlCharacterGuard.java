package dev.worklane.adapter.in.web.support;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The general guard behind the per-field rules: no JSON string of any request body may carry a C0
 * control character other than tab, line feed and carriage return (which multi-line text needs).
 * Above all U+0000, which PostgreSQL cannot store in text: it is refused while the body is read, so
 * it never reaches a query, and the error translator answers 400 naming the field.
 */
public final class ControlCharacterGuard {
  private ControlCharacterGuard() {}

  /** Jackson module replacing the String deserializer with the checking one. */
  public static SimpleModule module() {
    return new SimpleModule("worklane-control-character-guard")
        .addDeserializer(String.class, new CheckingStringDeserializer());
  }

  static boolean isForbidden(char c) {
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
  }

  /** A JSON string held a forbidden control character; the path names the field. */
  public static final class ControlCharacterException extends MismatchedInputException {
    ControlCharacterException(JsonParser parser) {
      super(parser, "String contains a control character", String.class);
    }
  }

  private static final class CheckingStringDeserializer extends StringDeserializer {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) {
      String value = super.deserialize(p, ctxt);
      if (value != null) {
        for (int i = 0; i < value.length(); i++) {
          if (isForbidden(value.charAt(i))) {
            throw new ControlCharacterException(p);
          }
        }
      }
      return value;
    }
  }
}
