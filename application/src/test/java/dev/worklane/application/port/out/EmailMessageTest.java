package dev.worklane.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailMessageTest {

  @Test
  void keepsItsParts() {
    EmailMessage message = new EmailMessage("job-1", "ada@example.com", "Hi", "line 1\nline 2\n");
    assertThat(message.id()).isEqualTo("job-1");
    assertThat(message.to()).isEqualTo("ada@example.com");
    assertThat(message.subject()).isEqualTo("Hi");
    assertThat(message.text()).isEqualTo("line 1\nline 2\n");
  }

  @Test
  void everyPartIsRequired() {
    assertThatThrownBy(() -> new EmailMessage(null, "a@b.c", "s", "t"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id");
    assertThatThrownBy(() -> new EmailMessage("1", null, "s", "t"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("to");
    assertThatThrownBy(() -> new EmailMessage("1", "a@b.c", null, "t"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("subject");
    assertThatThrownBy(() -> new EmailMessage("1", "a@b.c", "s", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
  }

  @Test
  void theSubjectIsOneLineSoNoHeaderCanBeInjected() {
    assertThatThrownBy(() -> new EmailMessage("1", "a@b.c", "Hi\nBcc: x@evil.test", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one line");
    assertThatThrownBy(() -> new EmailMessage("1", "a@b.c", "Hi\rBcc: x@evil.test", "t"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
