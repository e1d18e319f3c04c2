package dev.worklane.application.port.model.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DownloadDispositionTest {

  private static DownloadDisposition named(String fileName) {
    return new DownloadDisposition(fileName, "application/pdf");
  }

  @Test
  void writesAnAsciiFallbackAndTheExactNameAsRfc8187() {
    assertThat(named("résumé \"final\".pdf").contentDisposition())
        .isEqualTo(
            "attachment; filename=\"r_sum_ _final_.pdf\"; "
                + "filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.pdf");
  }

  @Test
  void neverLetsANameBreakTheHeader() {
    String header = named("a\r\nSet-Cookie: x=y;\\%.txt").contentDisposition();

    assertThat(header).doesNotContain("\r").doesNotContain("\n");
    assertThat(header)
        .isEqualTo(
            "attachment; filename=\"a__Set-Cookie: x=y;__.txt\"; "
                + "filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x%3Dy%3B%5C%25.txt");
  }

  @Test
  void namesAnEmptyOrNonLatinNameInTheFallback() {
    assertThat(named("").asciiFallback()).isEqualTo("download");
    assertThat(named("报告.csv").asciiFallback()).isEqualTo("__.csv");
    assertThat(named("报告.csv").encoded()).isEqualTo("%E6%8A%A5%E5%91%8A.csv");
  }
}
