package dev.worklane.adapter.out.security.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MicrometerAuthenticationMetricsAdapterTest {
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final MicrometerAuthenticationMetricsAdapter metrics =
      new MicrometerAuthenticationMetricsAdapter(registry);

  @Test
  void countsSuccessesFailuresByReasonAndRefreshReuse() {
    metrics.loginSucceeded();
    metrics.loginSucceeded();
    metrics.loginFailed("bad-credentials");
    metrics.loginFailed("throttled");
    metrics.loginFailed("bad-credentials");
    metrics.refreshTokenReused();

    assertThat(registry.get("worklane.auth.logins").counter().count()).isEqualTo(2);
    assertThat(
            registry
                .get("worklane.auth.login.failures")
                .tag("reason", "bad-credentials")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(
            registry
                .get("worklane.auth.login.failures")
                .tag("reason", "throttled")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("worklane.auth.refresh.reuse").counter().count()).isEqualTo(1);
  }
}
