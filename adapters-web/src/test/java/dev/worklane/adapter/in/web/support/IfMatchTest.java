package dev.worklane.adapter.in.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IfMatchTest {

  @Test
  void readsOneStrongVersionTag() {
    assertThat(IfMatch.version("\"3\"")).isEqualTo(3);
    assertThat(IfMatch.version(" \"42\" ")).isEqualTo(42);
    assertThat(IfMatch.etag(3)).isEqualTo("\"3\"");
  }

  @Test
  void missingOrWildcardIsPreconditionRequired() {
    for (String header : new String[] {null, "", "  ", "*"}) {
      assertThatThrownBy(() -> IfMatch.version(header))
          .isInstanceOfSatisfying(
              IfMatch.PreconditionException.class, e -> assertThat(e.status()).isEqualTo(428));
    }
  }

  @Test
  void weakListsAndForeignTagsNeverMatch() {
    for (String header : new String[] {"W/\"3\"", "\"1\", \"2\"", "\"abc\"", "3"}) {
      assertThatThrownBy(() -> IfMatch.version(header))
          .isInstanceOfSatisfying(
              IfMatch.PreconditionException.class, e -> assertThat(e.status()).isEqualTo(412));
    }
  }
}
