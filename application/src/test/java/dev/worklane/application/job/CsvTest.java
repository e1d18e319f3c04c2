package dev.worklane.application.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTest {

  @Test
  void plainCellsAreWrittenAsTheyAreSeparatedByCommasAndTheRecordEndsWithCrLf() {
    assertThat(Csv.row(List.of("WL-1", "Ship it", "TODO"))).isEqualTo("WL-1,Ship it,TODO\r\n");
  }

  @Test
  void emptyAndMissingCellsAreEmpty() {
    assertThat(Csv.row(java.util.Arrays.asList("a", "", null, "b"))).isEqualTo("a,,,b\r\n");
  }

  @Test
  void cellsWithCommasQuotesOrLineBreaksAreQuotedAndTheirQuotesDoubled() {
    assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Csv.cell("cr\rinside")).isEqualTo("\"cr\rinside\"");
    assertThat(Csv.cell("\"")).isEqualTo("\"\"\"\"");
  }

  /** OWASP CSV injection: each of these makes a spreadsheet evaluate the cell. */
  @ParameterizedTest
  @ValueSource(strings = {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
  void cellsThatStartLikeAFormulaAreQuotedAndPrefixedWithASingleQuote(String value) {
    assertThat(Csv.cell(value)).isEqualTo("\"'" + value + "\"");
  }

  @Test
  void aFormulaWithQuotesIsNeutralisedAndStillQuotedCorrectly() {
    String hostile = "=HYPERLINK(\"https://evil.example\",\"click\")";
    assertThat(Csv.cell(hostile))
        .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"");
    assertThat(Csv.cell("=cmd|' /C calc'!A0")).isEqualTo("\"'=cmd|' /C calc'!A0\"");
  }

  @Test
  void onlyTheFirstCharacterDecides() {
    assertThat(Csv.cell("a=b")).isEqualTo("a=b");
    assertThat(Csv.cell("2026-12-06")).isEqualTo("2026-12-06");
    assertThat(Csv.cell(" =1")).isEqualTo(" =1");
  }

  @Test
  void unicodeIsKeptAsItIs() {
    String text = "Zoë · 東京 · 🚀 · ﷽";
    assertThat(Csv.cell(text)).isEqualTo(text);
    assertThat(Csv.row(List.of(text)).getBytes(StandardCharsets.UTF_8))
        .isEqualTo((text + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anIndependentRfc4180ParserReadsBackEveryCellNeutralisedOrAsWritten() throws IOException {
    List<String> cells =
        List.of(
            "plain",
            "a,b",
            "say \"hi\"",
            "two\r\nlines",
            "=1+1",
            "-5",
            "@x",
            "\tlead",
            "東京 🚀",
            "");
    String csv = Csv.row(cells) + Csv.row(List.of("second", "record"));

    List<CSVRecord> records;
    try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
      records = parser.getRecords();
    }

    assertThat(records).hasSize(2);
    assertThat(records.get(0).toList())
        .containsExactly(
            "plain",
            "a,b",
            "say \"hi\"",
            "two\r\nlines",
            "'=1+1",
            "'-5",
            "'@x",
            "'\tlead",
            "東京 🚀",
            "");
    assertThat(records.get(1).toList()).containsExactly("second", "record");
  }
}
