package dev.worklane.adapter.in.web.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionsTest {

  @Test
  void writesAnAsciiFallbackAndTheExactNameAsRfc8187() {
    assertThat(ContentDispositions.attachment("résumé \"final\".pdf"))
        .isEqualTo(
            "attachment; filename=\"r_sum_ _final_.pdf\"; "
                + "filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22.pdf");
  }

  @Test
  void neverLetsANameBreakTheHeader() {
    String header = ContentDispositions.attachment("a\r\nSet-Cookie: x=y;\\%.txt");

    assertThat(header).doesNotContain("\r").doesNotContain("\n");
    assertThat(header)
        .isEqualTo(
            "attachment; filename=\"a__Set-Cookie: x=y;__.txt\"; "
                + "filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x%3Dy%3B%5C%25.txt");
  }

  @Test
  void namesAnEmptyOrNonLatinNameInTheFallback() {
    assertThat(ContentDispositions.asciiFallback("")).isEqualTo("download");
    assertThat(ContentDispositions.asciiFallback("报告.csv")).isEqualTo("__.csv");
    assertThat(ContentDispositions.encoded("报告.csv")).isEqualTo("%E6%8A%A5%E5%91%8A.csv");
  }
}
