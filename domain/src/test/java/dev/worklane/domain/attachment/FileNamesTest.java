package dev.worklane.domain.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FileNamesTest {

  @ParameterizedTest
  @CsvSource({
    "../../etc/passwd, passwd",
    "..\\..\\windows\\system32\\cmd.exe, cmd.exe",
    "C:\\Users\\me\\report.pdf, report.pdf",
    "/absolute/path/notes.txt, notes.txt",
    "dir/.., file",
    "dir/., file",
    "'  spaced name.txt  ', spaced name.txt",
    "plain.png, plain.png"
  })
  void keepsOnlyTheLastPathSegment(String raw, String expected) {
    assertThat(FileNames.sanitise(raw)).isEqualTo(expected);
  }

  @Test
  void removesNulControlAndBidiCharacters() {
    assertThat(FileNames.sanitise("evil\u0000.txt")).isEqualTo("evil.txt");
    assertThat(FileNames.sanitise("a\tb\r\nc\u007f\u0085.txt")).isEqualTo("abc.txt");
    // RIGHT-TO-LEFT OVERRIDE would show "invoice_fdp.exe" as "invoice_exe.pdf"
    assertThat(FileNames.sanitise("invoice_\u202Efdp.exe")).isEqualTo("invoice_fdp.exe");
    assertThat(
            FileNames.sanitise(
                "\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u200B\uFEFFx.txt"))
        .isEqualTo("x.txt");
    assertThat(FileNames.sanitise("line\u2028break\u2029.txt")).isEqualTo("linebreak.txt");
    assertThat(FileNames.sanitise("lone\uD800surrogate.txt")).isEqualTo("lonesurrogate.txt");
  }

  @Test
  void normalisesToNfcAndKeepsOrdinaryUnicode() {
    String decomposed = "Cafe\u0301 \u00fcber.txt"; // e + combining acute
    assertThat(FileNames.sanitise(decomposed)).isEqualTo("Caf\u00e9 \u00fcber.txt");
    assertThat(FileNames.sanitise("报告 📄.pdf")).isEqualTo("报告 📄.pdf");
  }

  @Test
  void emptyOrInvisibleNamesBecomeFile() {
    assertThat(FileNames.sanitise(null)).isEqualTo("file");
    assertThat(FileNames.sanitise("")).isEqualTo("file");
    assertThat(FileNames.sanitise("   ")).isEqualTo("file");
    assertThat(FileNames.sanitise("\u0000\u202E")).isEqualTo("file");
    assertThat(FileNames.sanitise("../")).isEqualTo("file");
  }

  @Test
  void capsTheLengthAndKeepsTheExtension() {
    String name = FileNames.sanitise("a".repeat(1000) + ".pdf");
    assertThat(name).hasSize(255).startsWith("aaa").endsWith(".pdf");

    String emoji = FileNames.sanitise("📄".repeat(300) + ".txt");
    assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(255);
    assertThat(emoji).endsWith("📄.txt");

    // An "extension" that is not one is cut like the rest.
    String noExtension = FileNames.sanitise("x." + "y".repeat(400));
    assertThat(noExtension).hasSize(255).startsWith("x.yyy");
  }
}
