package dev.worklane.adapter.out.redis.queue;

import dev.worklane.adapter.out.redis.queue.ScriptReplies.FinishAndTake;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engine's JSON on the path of every job, written by the hand-written {@code LuaJson} and by
 * Jackson (databind, one shared mapper): the finishes a worker round trip reports (50 rows), a
 * broker batch (1 000 rows of 10 strings), the {@code finish_and_take} reply with 50 taken jobs
 * (decoded into its record by the same decoder), and one job payload. Run by {@code
 * bench/json.sh}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LuaJsonBenchmark {
  private static final TypeReference<Map<String, String>> PAYLOAD = new TypeReference<>() {};

  JsonMapper jackson;
  Map<String, String> payload;
  String payloadJson;
  List<String[]> finishes;
  List<String[]> submits;
  String reply;

  @Setup
  public void setUp() {
    jackson = JsonMapper.builder().build();
    payload = new LinkedHashMap<>();
    payload.put("to", "ada.lovelace@example.com");
    payload.put("template", "password-reset");
    payload.put("name", "Ada \"the first\" Lovelace");
    payload.put("secret.resetTokenHash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    payloadJson = jackson.writeValueAsString(payload);
    finishes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      finishes.add(new String[] {"job-" + i, (i % 3 + 1) + ":6f1c2a9e0b3d4c5a:" + i, "c", "", ""});
    }
    submits = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      submits.add(
          new String[] {
            "job-" + i, "email.send", payloadJson, "req-" + i, "0", "3", "1000", "30000",
            "1733000000000", "1733000000000"
          });
    }
    List<Object> taken = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      taken.add(
          List.of(
              "job-" + i, "email.send", payloadJson, "req-" + i, 1, "3", "30000",
              "1733000000000", "1:6f1c2a9e0b3d4c5a:" + i));
    }
    List<Object> codes = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      codes.add(1);
    }
    // As cjson writes it (same JSON; cjson escapes '/' too, which both readers take).
    reply = jackson.writeValueAsString(List.of(0, 1733000005000L, codes, taken));
  }

  @Benchmark
  public String finishRowsLuaJson() {
    return LuaJson.rows(finishes);
  }

  @Benchmark
  public String finishRowsJackson() {
    return jackson.writeValueAsString(finishes);
  }

  @Benchmark
  public String submitRowsLuaJson() {
    return LuaJson.rows(submits);
  }

  @Benchmark
  public String submitRowsJackson() {
    return jackson.writeValueAsString(submits);
  }

  @Benchmark
  public FinishAndTake replyLuaJson() {
    return FinishAndTake.decode(LuaJson.parse(reply));
  }

  @Benchmark
  public FinishAndTake replyJackson() {
    return FinishAndTake.decode(jackson.readValue(reply, Object.class));
  }

  @Benchmark
  public Map<String, String> payloadReadLuaJson() {
    return LuaJson.parseStringMap(payloadJson);
  }

  @Benchmark
  public Map<String, String> payloadReadJackson() {
    return jackson.readValue(payloadJson, PAYLOAD);
  }

  @Benchmark
  public String payloadWriteLuaJson() {
    return LuaJson.stringMap(payload);
  }

  @Benchmark
  public String payloadWriteJackson() {
    return jackson.writeValueAsString(payload);
  }
}
