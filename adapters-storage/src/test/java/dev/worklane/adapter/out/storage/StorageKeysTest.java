package dev.worklane.adapter.out.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StorageKeysTest {

  @Test
  void acceptsSlashSeparatedSegmentsOfSafeCharacters() {
    assertThat(StorageKeys.isValid("attachments/2026/12/0b9f-4c.pdf")).isTrue();
    assertThat(StorageKeys.isValid("a")).isTrue();
    assertThat(StorageKeys.isValid("_x/-y/z.tar.gz")).isTrue();
  }

  @Test
  void refusesEverythingThatCouldEscapeOrNeedEscaping() {
    for (String bad :
        new String[] {
          null,
          "",
          "/a",
          "a/",
          "a//b",
          ".",
          "..",
          "../a",
          "a/..",
          "a/./b",
          ".env",
          "a/.part",
          "a\\b",
          "a b",
          "a%2fb",
          "a\u0000b",
          "ä",
          "a?b",
          "a#b",
          "x".repeat(513)
        }) {
      assertThat(StorageKeys.isValid(bad)).as(String.valueOf(bad)).isFalse();
    }
  }

  @Test
  void prefixesMayEndWithASlashOrMidSegment() {
    assertThat(StorageKeys.requireValidPrefix("")).isEmpty();
    assertThat(StorageKeys.requireValidPrefix("attachments/")).isEqualTo("attachments/");
    assertThat(StorageKeys.requireValidPrefix("attachments/20")).isEqualTo("attachments/20");
    assertThatThrownBy(() -> StorageKeys.requireValidPrefix("../"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contentTypesArePrintableAsciiWithASlash() {
    assertThat(StorageKeys.requireValidContentType("text/csv; charset=utf-8"))
        .isEqualTo("text/csv; charset=utf-8");
    for (String bad : new String[] {null, "", "text", "text/html\r\nX: y", "tëxt/plain", " a/b"}) {
      assertThatThrownBy(() -> StorageKeys.requireValidContentType(bad))
          .as(String.valueOf(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
