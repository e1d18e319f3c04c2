package dev.worklane.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.domain.user.UserId;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
  @Test
  void userKeysFollowTheSeedNaming() {
    UserId id = UserId.random();
    assertThat(CacheKey.user(id)).hasToString("users:" + id);
    assertThatThrownBy(() -> new CacheKey(" ", "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CacheKey("users", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
