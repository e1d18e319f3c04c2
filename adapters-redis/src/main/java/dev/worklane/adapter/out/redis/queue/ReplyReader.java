package dev.worklane.adapter.out.redis.queue;

import java.util.List;
import java.util.Map;

/**
 * Reads the elements of one script reply (a RESP array, or the JSON array {@code
 * finish_and_take.lua} encodes) by position, checking each one's presence and type, so a short or
 * changed reply fails with the script's name and the element's, never with an index error.
 */
final class ReplyReader {
  private final String script;
  private final List<?> values;

  private ReplyReader(String script, List<?> values) {
    this.script = script;
    this.values = values;
  }

  /** The reply as an array of at least {@code minSize} elements. */
  static ReplyReader of(String script, Object reply, int minSize) {
    List<?> values = asList(script, "the reply", reply);
    if (values.size() < minSize) {
      throw new MalformedReplyException(
          script, "expected at least " + minSize + " elements, got " + values.size());
    }
    return new ReplyReader(script, values);
  }

  String script() {
    return script;
  }

  int size() {
    return values.size();
  }

  long number(int index, String name) {
    return number(script, name, at(index, name));
  }

  int integer(int index, String name) {
    long value = number(index, name);
    if (value != (int) value) {
      throw new MalformedReplyException(script, name + " out of range");
    }
    return (int) value;
  }

  boolean flag(int index, String name) {
    return number(index, name) != 0;
  }

  /** A string element; {@code null} (absent in Lua) is refused. */
  String text(int index, String name) {
    Object value = at(index, name);
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number n) {
      return n.toString();
    }
    throw new MalformedReplyException(script, name + " is not a string");
  }

  /** A nested array; cjson writes an empty table as {@code {}}, read as an empty array. */
  ReplyReader array(int index, String name) {
    return new ReplyReader(script, asList(script, name, at(index, name)));
  }

  private Object at(int index, String name) {
    if (index >= values.size()) {
      throw new MalformedReplyException(
          script, "no " + name + " (element " + index + " of " + values.size() + ")");
    }
    return values.get(index);
  }

  private static List<?> asList(String script, String name, Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    if (value instanceof Map<?, ?> map && map.isEmpty()) {
      return List.of();
    }
    throw new MalformedReplyException(
        script,
        name
            + " is not an array ("
            + (value == null ? "null" : value.getClass().getSimpleName())
            + ")");
  }

  /** Redis answers integers; hash fields and cjson may give them as strings or doubles. */
  static long number(String script, String name, Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof String s) {
      if (s.isEmpty()) {
        return 0;
      }
      try {
        return s.indexOf('.') >= 0 || s.indexOf('e') >= 0 || s.indexOf('E') >= 0
            ? (long) Double.parseDouble(s)
            : Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new MalformedReplyException(script, name + " is not a number", e);
      }
    }
    throw new MalformedReplyException(
        script, name + " is " + (value == null ? "missing" : "not a number"));
  }
}
