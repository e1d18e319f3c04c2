package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;

class ProbesIT extends SharedE2eTest {
  @Autowired ApplicationContext context;
  @Autowired MeterRegistry meters;

  @Test
  void healthAndReadyAreUpWithTheDatabase() {
    Api.Response health = api().get("/health", null);
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");

    Api.Response ready = api().get("/ready", null);
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.json().get("checks").get("db").asString()).isEqualTo("UP");
  }

  @Test
  void readyAnswers503WhileNotAcceptingTrafficAndHealthStaysUp() {
    AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
    try {
      Api.Response ready = api().get("/ready", null);
      assertThat(ready.status()).isEqualTo(503);
      assertThat(ready.json().get("status").asString()).isEqualTo("OUT_OF_SERVICE");
      assertThat(api().get("/health", null).status()).isEqualTo(200);
    } finally {
      AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }
    assertThat(api().get("/ready", null).status()).isEqualTo(200);
  }

  @Test
  void readyReusesItsResultForAboutASecond() {
    double before = evaluations();
    long started = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      assertThat(api().get("/ready", null).status()).isEqualTo(200);
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    assertThat(evaluations() - before)
        .as("20 calls in %.2f s ran the checks at most once per second", seconds)
        .isLessThanOrEqualTo(1 + Math.floor(seconds));
  }

  private double evaluations() {
    return meters.get("worklane.readiness.evaluations").counter().count();
  }
}
