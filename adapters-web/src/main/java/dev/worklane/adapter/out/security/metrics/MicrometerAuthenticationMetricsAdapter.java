package dev.worklane.adapter.out.security.metrics;

import dev.worklane.application.port.out.AuthenticationMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code worklane.auth.logins} (outcome=success) and {@code worklane.auth.login.failures} (reason)
 * — the "failed login attempts" signal of the seed — plus {@code worklane.auth.refresh.reuse}.
 */
public class MicrometerAuthenticationMetricsAdapter implements AuthenticationMetrics {
  private final MeterRegistry registry;
  private final Counter successes;
  private final Counter reuse;

  public MicrometerAuthenticationMetricsAdapter(MeterRegistry registry) {
    this.registry = registry;
    this.successes = registry.counter("worklane.auth.logins");
    this.reuse = registry.counter("worklane.auth.refresh.reuse");
  }

  @Override
  public void loginSucceeded() {
    successes.increment();
  }

  @Override
  public void loginFailed(String reason) {
    registry.counter("worklane.auth.login.failures", "reason", reason).increment();
  }

  @Override
  public void refreshTokenReused() {
    reuse.increment();
  }
}
