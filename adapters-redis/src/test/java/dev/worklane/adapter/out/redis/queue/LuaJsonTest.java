package dev.worklane.adapter.out.redis.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LuaJsonTest {
  static final String TRICKY = "quote \" backslash \\ slash / tab \t newline \n nul \u0000 é 日本 😀";

  @Test
  void rowsRoundTripThroughTheParserWhateverTheyContain() {
    String json = LuaJson.rows(List.of(new String[] {"a", TRICKY, ""}, new String[] {}));

    assertThat(LuaJson.parse(json)).isEqualTo(List.of(List.of("a", TRICKY, ""), List.of()));
    // and it is plain JSON for any other reader
    assertThat(JsonMapper.builder().build().readValue(json, List.class))
        .isEqualTo(List.of(List.of("a", TRICKY, ""), List.of()));
  }

  @Test
  void readsCjsonRepliesWithNumbersEmptyTablesAndEscapes() {
    Object reply = LuaJson.parse("[0,1733000000000,{},[[\"id\",\"a\\/b\\u0001\",3,1.5e3,-2]]]");

    assertThat(reply)
        .isEqualTo(
            List.of(
                0L,
                1733000000000L,
                Map.of(),
                List.of(List.of("id", "a/b\u0001", 3L, 1500.0, -2L))));
  }

  @Test
  void readsPayloadsAsJacksonWritesThem() {
    Map<String, String> payload = Map.of("to", "ada@example.com", "secret.token", TRICKY, "", "e");
    String json = JsonMapper.builder().build().writeValueAsString(payload);

    assertThat(LuaJson.parseStringMap(json)).isEqualTo(payload);
    assertThat(LuaJson.parseStringMap("{}")).isEmpty();
    assertThat(LuaJson.parseStringMap(" { \"n\" : 1 , \"b\":true } ")).containsEntry("n", "1");
  }

  @Test
  void writesPayloadsThatJacksonAndTheParserReadBack() {
    Map<String, String> payload = Map.of("to", "ada@example.com", "secret.token", TRICKY, "", "e");
    String json = LuaJson.stringMap(payload);

    assertThat(LuaJson.parseStringMap(json)).isEqualTo(payload);
    assertThat(JsonMapper.builder().build().readValue(json, Map.class)).isEqualTo(payload);
    assertThat(LuaJson.stringMap(Map.of())).isEqualTo("{}");
  }

  @Test
  void refusesWhatIsNotJson() {
    assertThatThrownBy(() -> LuaJson.parse("[1,2")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> LuaJson.parse("[1] x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LuaJson.parseStringMap("[]"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
