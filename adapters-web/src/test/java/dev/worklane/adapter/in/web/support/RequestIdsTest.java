package dev.worklane.adapter.in.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestIdsTest {

  @Test
  void keepsSafeIdsAndReplacesOthers() {
    assertThat(RequestIds.acceptOrGenerate("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
    assertThat(RequestIds.acceptOrGenerate("has space")).matches("[0-9a-f-]{36}");
    assertThat(RequestIds.acceptOrGenerate("x".repeat(129))).matches("[0-9a-f-]{36}");
    assertThat(RequestIds.acceptOrGenerate("line\nbreak")).matches("[0-9a-f-]{36}");
    assertThat(RequestIds.acceptOrGenerate(null)).matches("[0-9a-f-]{36}");
  }

  @Test
  void theIdIsFixedOncePerRequest() {
    MockHttpServletRequest request = new MockHttpServletRequest();
    String first = RequestIds.of(request);
    assertThat(RequestIds.of(request)).isEqualTo(first);
  }
}
