package dev.worklane.adapter.in.web.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.application.port.model.storage.ByteRange;
import org.junit.jupiter.api.Test;

class RangeHeaderTest {

  @Test
  void resolvesTheThreeFormsAgainstTheSize() {
    assertThat(RangeHeader.resolve("bytes=0-3", 10)).isEqualTo(part(0, 3));
    assertThat(RangeHeader.resolve("bytes=4-", 10)).isEqualTo(part(4, 9));
    assertThat(RangeHeader.resolve("bytes=-3", 10)).isEqualTo(part(7, 9));
    assertThat(RangeHeader.resolve("bytes=-30", 10)).isEqualTo(part(0, 9));
    assertThat(RangeHeader.resolve("bytes=8-100", 10)).isEqualTo(part(8, 9));
    assertThat(RangeHeader.resolve("Bytes=2-2", 10)).isEqualTo(part(2, 2));
    assertThat(RangeHeader.resolve("bytes=1-99999999999999999999999", 10)).isEqualTo(part(1, 9));
  }

  @Test
  void aRangeAtOrBeyondTheEndIsUnsatisfiable() {
    assertThat(RangeHeader.resolve("bytes=10-", 10)).isInstanceOf(RangeHeader.Unsatisfiable.class);
    assertThat(RangeHeader.resolve("bytes=10-20", 10))
        .isInstanceOf(RangeHeader.Unsatisfiable.class);
    assertThat(RangeHeader.resolve("bytes=-0", 10)).isInstanceOf(RangeHeader.Unsatisfiable.class);
    assertThat(RangeHeader.resolve("bytes=0-", 0)).isInstanceOf(RangeHeader.Unsatisfiable.class);
    assertThat(RangeHeader.resolve("bytes=99999999999999999999-", 10))
        .isInstanceOf(RangeHeader.Unsatisfiable.class);
  }

  @Test
  void ignoresWhatItDoesNotUnderstand() {
    for (String header :
        new String[] {
          null,
          "",
          "items=0-1",
          "bytes=",
          "bytes=5-2",
          "bytes=0-1,3-4",
          "bytes=a-b",
          "bytes=-",
          "bytes=1-2-3",
          "bytes=+1-2"
        }) {
      assertThat(RangeHeader.resolve(header, 10))
          .as(String.valueOf(header))
          .isInstanceOf(RangeHeader.Whole.class);
    }
  }

  private static RangeHeader part(long first, long last) {
    return new RangeHeader.Part(new ByteRange(first, last));
  }
}
