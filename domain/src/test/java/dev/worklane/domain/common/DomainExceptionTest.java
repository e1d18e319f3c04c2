package dev.worklane.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.domain.user.EmailAlreadyRegisteredException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DomainExceptionTest {

  @Test
  void eachErrorCarriesAStableCode() {
    assertThat(new NotFoundException("User").code()).isEqualTo("NOT_FOUND");
    assertThat(new NotFoundException("User")).hasMessage("User not found");
    assertThat(new ForbiddenException("user:manage").permission()).isEqualTo("user:manage");
    assertThat(new ForbiddenException("user:manage").code()).isEqualTo("FORBIDDEN");
    assertThat(new EmailAlreadyRegisteredException().code()).isEqualTo("EMAIL_TAKEN");
    assertThat(AuthenticationFailedException.badCredentials().code())
        .isEqualTo("INVALID_CREDENTIALS");
    assertThat(AuthenticationFailedException.invalidRefreshToken().code())
        .isEqualTo("INVALID_REFRESH_TOKEN");
    RateLimitedException limited =
        new RateLimitedException("login-account", Duration.ofSeconds(42));
    assertThat(limited.code()).isEqualTo("RATE_LIMITED");
    assertThat(limited.policy()).isEqualTo("login-account");
    assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(42));
  }

  @Test
  void requireChecksPresenceAndLengthInCodePoints() {
    assertThat(Require.text("ab", "f", 1, 2)).isEqualTo("ab");
    assertThat(Require.text("😀😀", "f", 1, 2)).isEqualTo("😀😀");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Require.text("abc", "f", 1, 2))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).field())
        .isEqualTo("f");
  }
}
