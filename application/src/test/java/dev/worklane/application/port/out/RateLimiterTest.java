package dev.worklane.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.application.port.out.RateLimiter.Scope;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  @Test
  void unlimitedAllowsEveryCallOfEveryScope() {
    RateLimiter unlimited = RateLimiter.unlimited();
    for (Scope scope : Scope.values()) {
      for (int i = 0; i < 100; i++) {
        assertThat(unlimited.tryConsume(scope, "key").allowed()).isTrue();
      }
      unlimited.refund(scope, "key");
      assertThat(unlimited.tryConsume(scope, "key").scope()).isEqualTo(scope);
    }
  }
}
