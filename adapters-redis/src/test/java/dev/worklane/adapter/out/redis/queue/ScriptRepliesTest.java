package dev.worklane.adapter.out.redis.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.adapter.out.redis.queue.ScriptReplies.Applied;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Count;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.FinishAndTake;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.JobHash;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Listed;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Overview;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Page;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.Stalled;
import dev.worklane.adapter.out.redis.queue.ScriptReplies.TakenJob;
import dev.worklane.application.port.model.queue.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The decoders of the scripts' replies: what each script answers, and what a wrong answer gives.
 */
class ScriptRepliesTest {

  @Test
  void finishAndTakeReadsCjsonOutputWithEmptyTablesAsEmptyArrays() {
    Object reply =
        QueueScripts.parseReply(
            "[0,1733000000000,[1,2,3,4,0],[[\"j1\",\"email.send\",\"{\\\"to\\\":\\\"a\\\"}\","
                + "\"req-1\",2,5,\"30000\",\"1732999999000\",\"2:cafe:1\"]]]");

    FinishAndTake decoded = FinishAndTake.decode(reply);

    assertThat(decoded.paused()).isFalse();
    assertThat(decoded.nextDueAt()).isEqualTo(OptionalLong.of(1733000000000L));
    assertThat(decoded.codes())
        .containsExactly(
            FinishCode.COMPLETED,
            FinishCode.RETRIED,
            FinishCode.FAILED,
            FinishCode.HANDED_BACK,
            FinishCode.IGNORED);
    assertThat(decoded.taken())
        .containsExactly(
            new TakenJob(
                "j1",
                "email.send",
                "{\"to\":\"a\"}",
                "req-1",
                2,
                5,
                30000,
                1732999999000L,
                "2:cafe:1"));

    FinishAndTake idle = FinishAndTake.decode(QueueScripts.parseReply("[1,-1,{},{}]"));
    assertThat(idle.paused()).isTrue();
    assertThat(idle.nextDueAt()).isEmpty();
    assertThat(idle.codes()).isEmpty();
    assertThat(idle.taken()).isEmpty();
  }

  @Test
  void aShortOrMistypedFinishAndTakeReplyNamesWhatIsWrong() {
    assertMalformed(() -> FinishAndTake.decode(List.of(0L, -1L)), "finish_and_take reply", "4");
    assertMalformed(() -> QueueScripts.parseReply("[0,-1,[1"), "finish_and_take reply", "JSON");
    assertMalformed(() -> QueueScripts.parseReply(null), "finish_and_take reply", "JSON");
    assertMalformed(() -> FinishAndTake.decode("oops"), "finish_and_take reply", "not an array");
    assertMalformed(
        () -> FinishAndTake.decode(List.of(0L, -1L, List.of(9L), List.of())), "finish code 9");
    assertMalformed(
        () -> FinishAndTake.decode(List.of(0L, "soon", List.of(), List.of())), "next due time");
    assertMalformed(
        () -> FinishAndTake.decode(List.of(0L, -1L, List.of(), List.of(List.of("j1", "t")))),
        "taken job has 2 of 9");
    List<Object> missingToken =
        new ArrayList<>(List.of("j1", "t", "{}", "", 1L, 1L, "1000", "0", "x"));
    missingToken.set(8, null);
    assertMalformed(
        () -> FinishAndTake.decode(List.of(0L, -1L, List.of(), List.of(missingToken))),
        "lease token");
  }

  @Test
  void theSmallRepliesDecodeIntoTheirRecords() {
    assertThat(Stalled.decode(List.of(3L, 1L))).isEqualTo(new Stalled(3, 1));
    assertThat(Stalled.decode(List.of(3L, 1L)).handled()).isEqualTo(4);
    assertThat(Count.decode("sweep", List.of(1000L)).value()).isEqualTo(1000);
    assertThat(Applied.decode("log", List.of(0L)).written()).isFalse();
    assertThat(ScriptReplies.decodeControl(List.of(-1L))).isEqualTo(ControlCode.WRONG_STATE);
    assertThat(ScriptReplies.decodeControl(List.of(0L))).isEqualTo(ControlCode.NOT_FOUND);
    assertThat(ScriptReplies.decodeControl(List.of(1L))).isEqualTo(ControlCode.DONE);
    assertThat(Overview.decode(List.of(5L, 4L, 3L, 2L, 1L, 1L)))
        .isEqualTo(new Overview(5, 4, 3, 2, 1, true));

    assertMalformed(() -> Stalled.decode(List.of(3L)), "stalled reply", "at least 2");
    assertMalformed(() -> Count.decode("sweep", List.of()), "sweep reply");
    assertMalformed(() -> ScriptReplies.decodeControl(List.of(7L)), "control reply", "7");
    assertMalformed(() -> Overview.decode(List.of(5L, 4L, 3L)), "overview reply", "6");
  }

  @Test
  void aPageReadsElevenFieldsPerJob() {
    List<Object> reply = new ArrayList<>(List.of(2L));
    reply.addAll(List.of("j1", "t", "failed", "0", "3", "3", "", "1000", "900", "2000", "boom"));
    reply.addAll(List.of("j2", "t", "", "1", "", "3", "50", "1000", "", "", ""));

    Page page = Page.decode(reply);

    assertThat(page.total()).isEqualTo(2);
    assertThat(page.jobs())
        .containsExactly(
            new Listed(
                "j1",
                "t",
                JobState.FAILED,
                0,
                3,
                3,
                0,
                Instant.ofEpochMilli(1000),
                Instant.ofEpochMilli(900),
                Instant.ofEpochMilli(2000),
                "boom"),
            new Listed(
                "j2",
                "t",
                JobState.WAITING,
                1,
                0,
                3,
                50,
                Instant.ofEpochMilli(1000),
                null,
                null,
                null));

    assertMalformed(() -> Page.decode(reply.subList(0, 5)), "list reply", "multiple of 11");
    List<Object> badState = new ArrayList<>(reply);
    badState.set(3, "lost");
    assertMalformed(() -> Page.decode(badState), "list reply", "unknown job state");
  }

  @Test
  void aJobHashReadsItsFieldsAndLogsAndAbsentIsEmpty() {
    List<Object> reply =
        new ArrayList<>(
            List.of(
                12L,
                "type",
                "email.send",
                "state",
                "active",
                "payload",
                "{\"to\":\"a\"}",
                "timeout",
                "30000",
                "backoff",
                "1000",
                "createdAt",
                "1000"));
    reply.addAll(List.of("line 1", "line 2"));

    JobHash job = JobHash.decode(reply);

    assertThat(job.type()).isEqualTo("email.send");
    assertThat(job.state()).isEqualTo(JobState.ACTIVE);
    assertThat(job.attemptsMade()).isZero(); // absent in a new job's hash
    assertThat(job.payloadJson()).isEqualTo("{\"to\":\"a\"}");
    assertThat(job.timeoutMillis()).isEqualTo(30000);
    assertThat(job.backoffMillis()).isEqualTo(1000);
    assertThat(job.createdAt()).isEqualTo(Instant.ofEpochMilli(1000));
    assertThat(job.finishedAt()).isNull();
    assertThat(job.requestId()).isNull();
    assertThat(job.logs()).containsExactly("line 1", "line 2");
    assertThat(JobHash.decode(List.of())).isNull();
    assertThat(JobHash.decode(Map.of())).isNull();

    assertMalformed(() -> JobHash.decode(List.of(4L, "type", "t")), "job reply", "field count 4");
    assertMalformed(
        () -> JobHash.decode(List.of(2L, "attemptsMade", "many")), "job reply", "attemptsMade");
  }

  @Test
  void theErrorNeverQuotesTheReplysValues() {
    List<Object> reply = List.of(0L, -1L, List.of(), List.of(List.of("secret-token-value")));

    assertThatThrownBy(() -> FinishAndTake.decode(reply))
        .isInstanceOf(MalformedReplyException.class)
        .message()
        .doesNotContain("secret-token-value");
  }

  private static void assertMalformed(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable decode, String... parts) {
    assertThatThrownBy(decode)
        .isInstanceOf(MalformedReplyException.class)
        .message()
        .contains(parts);
  }
}
