package dev.worklane.application.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobHandlersTest {
  final List<String> ran = new ArrayList<>();

  JobHandler handler(String type) {
    return new JobHandler() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public void handle(Job job) {
        ran.add(type + ":" + job.id());
      }
    };
  }

  @Test
  void aJobRunsWithTheHandlerOfItsType() throws Exception {
    JobHandlers handlers =
        new JobHandlers(List.of(handler("email.send"), handler("report.generate")));

    handlers.run(new RecordingJob("j1", "report.generate", Map.of()));
    handlers.run(new RecordingJob("j2", "email.send", Map.of()));

    assertThat(ran).containsExactly("report.generate:j1", "email.send:j2");
    assertThat(handlers.forType("email.send")).map(JobHandler::type).hasValue("email.send");
    assertThat(handlers.forType("attachment.process")).isEmpty();
  }

  @Test
  void aJobOfAnUnknownTypeFailsForGood() {
    JobHandlers handlers = new JobHandlers(List.of(handler("email.send")));

    assertThatThrownBy(() -> handlers.run(new RecordingJob("j1", "report.generate", Map.of())))
        .isInstanceOf(PermanentJobFailure.class)
        .hasMessageContaining("report.generate");
    assertThat(ran).isEmpty();
  }

  @Test
  void whatAHandlerThrowsReachesTheWorker() {
    IllegalStateException down = new IllegalStateException("smtp down");
    JobHandler failing =
        new JobHandler() {
          @Override
          public String type() {
            return "email.send";
          }

          @Override
          public void handle(Job job) {
            throw down;
          }
        };

    assertThatThrownBy(
            () ->
                new JobHandlers(List.of(failing))
                    .run(new RecordingJob("j", "email.send", Map.of())))
        .isSameAs(down);
  }

  @Test
  void twoHandlersForOneTypeAreAWiringError() {
    assertThatThrownBy(() -> new JobHandlers(List.of(handler("email.send"), handler("email.send"))))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aPermanentFailureKeepsItsCause() {
    RuntimeException cause = new RuntimeException("bad data");
    assertThat(new PermanentJobFailure("nope", cause)).hasMessage("nope").hasCause(cause);
  }
}
