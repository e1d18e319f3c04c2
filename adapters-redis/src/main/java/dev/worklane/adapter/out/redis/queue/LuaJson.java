package dev.worklane.adapter.out.redis.queue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON on the path of every job: rows sent to the scripts, their replies (cjson on the
 * Redis side: arrays of strings and numbers, {@code {}} for an empty table) and job payloads (flat
 * string objects). Hand-written because it must stay cheap before the JIT has warmed up, when a
 * worker's first thousand jobs run mostly interpreted: {@code bench/json.sh} measures it against
 * Jackson, and bench/README.md has the figures that keep it.
 */
final class LuaJson {
  private LuaJson() {}

  /** Rows of strings as a JSON array of arrays. */
  static String rows(List<String[]> rows) {
    StringBuilder out = new StringBuilder(64 + rows.size() * 96);
    out.append('[');
    for (int r = 0; r < rows.size(); r++) {
      if (r > 0) {
        out.append(',');
      }
      out.append('[');
      String[] row = rows.get(r);
      for (int i = 0; i < row.length; i++) {
        if (i > 0) {
          out.append(',');
        }
        string(out, row[i]);
      }
      out.append(']');
    }
    return out.append(']').toString();
  }

  /** A flat object of strings (a job payload). */
  static String stringMap(Map<String, String> map) {
    StringBuilder out = new StringBuilder(16 + map.size() * 32);
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> entry : map.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      string(out, entry.getKey());
      out.append(':');
      string(out, entry.getValue());
    }
    return out.append('}').toString();
  }

  private static void string(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append("\\u00")
            .append(Character.forDigit(c >> 4, 16))
            .append(Character.forDigit(c & 0xf, 16));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  /** A flat JSON object of strings (a job payload); other values are turned into strings. */
  static Map<String, String> parseStringMap(String json) {
    if (!(parse(json) instanceof Map<?, ?> object)) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Map<String, String> result = new HashMap<>(object.size() * 2);
    object.forEach(
        (key, value) -> result.put((String) key, value == null ? null : value.toString()));
    return Collections.unmodifiableMap(result);
  }

  /**
   * Parses a reply: arrays become lists, strings strings, numbers longs (or doubles), {@code {}}
   * (how cjson writes an empty table) an empty map, other objects maps.
   */
  static Object parse(String json) {
    Reader reader = new Reader(json);
    Object value = reader.value();
    reader.skipSpace();
    if (reader.pos != json.length()) {
      throw new IllegalArgumentException("trailing characters at " + reader.pos);
    }
    return value;
  }

  private static final class Reader {
    private final String s;
    private int pos;

    Reader(String s) {
      this.s = s;
    }

    Object value() {
      skipSpace();
      char c = s.charAt(pos);
      return switch (c) {
        case '[' -> array();
        case '{' -> object();
        case '"' -> string();
        case 't' -> literal("true", Boolean.TRUE);
        case 'f' -> literal("false", Boolean.FALSE);
        case 'n' -> literal("null", null);
        default -> number();
      };
    }

    private List<Object> array() {
      pos++; // [
      List<Object> list = new ArrayList<>();
      skipSpace();
      if (s.charAt(pos) == ']') {
        pos++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpace();
        char c = s.charAt(pos++);
        if (c == ']') {
          return list;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected , or ] at " + (pos - 1));
        }
      }
    }

    private Map<String, Object> object() {
      pos++; // {
      Map<String, Object> map = new LinkedHashMap<>();
      skipSpace();
      if (s.charAt(pos) == '}') {
        pos++;
        return map;
      }
      while (true) {
        skipSpace();
        if (s.charAt(pos) != '"') {
          throw new IllegalArgumentException("expected a key at " + pos);
        }
        String key = string();
        skipSpace();
        if (s.charAt(pos++) != ':') {
          throw new IllegalArgumentException("expected : at " + (pos - 1));
        }
        map.put(key, value());
        skipSpace();
        char c = s.charAt(pos++);
        if (c == '}') {
          return map;
        }
        if (c != ',') {
          throw new IllegalArgumentException("expected , or } at " + (pos - 1));
        }
      }
    }

    private String string() {
      pos++; // "
      StringBuilder out = null;
      int start = pos;
      while (true) {
        char c = s.charAt(pos);
        if (c == '"') {
          String tail = s.substring(start, pos++);
          return out == null ? tail : out.append(tail).toString();
        }
        if (c != '\\') {
          pos++;
          continue;
        }
        if (out == null) {
          out = new StringBuilder();
        }
        out.append(s, start, pos);
        char e = s.charAt(pos + 1);
        pos += 2;
        switch (e) {
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'u' -> {
            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> out.append(e); // " \ /
        }
        start = pos;
      }
    }

    private Object number() {
      int start = pos;
      boolean integral = true;
      while (pos < s.length()) {
        char c = s.charAt(pos);
        if (c == '.' || c == 'e' || c == 'E') {
          integral = false;
        } else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
          break;
        }
        pos++;
      }
      String text = s.substring(start, pos);
      if (text.isEmpty()) {
        throw new IllegalArgumentException("unexpected character at " + start);
      }
      return integral ? (Object) Long.parseLong(text) : (Object) Double.parseDouble(text);
    }

    private Object literal(String word, Object value) {
      if (!s.startsWith(word, pos)) {
        throw new IllegalArgumentException("unexpected character at " + pos);
      }
      pos += word.length();
      return value;
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }
  }
}
