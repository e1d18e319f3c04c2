package dev.worklane.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {

  @Test
  void reducesADeclaredTypeToTypeAndSubtype() {
    assertThat(MediaTypes.normalise("Image/PNG; charset=binary")).isEqualTo("image/png");
    assertThat(MediaTypes.normalise(" text/csv ")).isEqualTo("text/csv");
    assertThat(MediaTypes.normalise(null)).isEqualTo("application/octet-stream");
    assertThat(MediaTypes.normalise("")).isEqualTo("application/octet-stream");
    assertThat(MediaTypes.normalise("not a type")).isEqualTo("application/octet-stream");
    assertThat(MediaTypes.normalise("text/<script>")).isEqualTo("application/octet-stream");
  }

  @Test
  void aSniffedTypeAgreesWhenEqualOrTheGenericContainerOfTheDeclaredOne() {
    assertThat(MediaTypes.agree("image/png", "image/png")).isTrue();
    assertThat(MediaTypes.agree("text/csv", "text/plain")).isTrue();
    assertThat(
            MediaTypes.agree(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/x-tika-ooxml"))
        .isTrue();
    assertThat(MediaTypes.agree("application/vnd.oasis.opendocument.text", "application/zip"))
        .isTrue();
    assertThat(MediaTypes.agree("application/msword", "application/x-tika-msoffice")).isTrue();
  }

  @Test
  void contentThatContradictsTheDeclaredTypeDisagrees() {
    assertThat(MediaTypes.agree("image/png", "text/html")).isFalse();
    assertThat(MediaTypes.agree("image/png", "image/jpeg")).isFalse();
    assertThat(MediaTypes.agree("text/plain", "text/html")).isFalse();
    assertThat(MediaTypes.agree("application/pdf", "application/zip")).isFalse();
    assertThat(MediaTypes.agree("text/plain", "application/x-tika-ooxml")).isFalse();
  }

  @Test
  void servesTheDeclaredTypeOnlyWhereTheSniffedOneIsItsContainer() {
    assertThat(MediaTypes.served("text/csv", "text/plain")).isEqualTo("text/csv");
    assertThat(MediaTypes.served("image/png", "image/png")).isEqualTo("image/png");
    assertThat(MediaTypes.served("image/png", "text/html")).isEqualTo("text/html");
  }
}
