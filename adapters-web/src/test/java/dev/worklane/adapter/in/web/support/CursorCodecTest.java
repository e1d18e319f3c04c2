package dev.worklane.adapter.in.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.worklane.application.port.model.Position;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CursorCodecTest {
  private final CursorCodec codec =
      new CursorCodec("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private final Position position =
      new Position(Instant.parse("2026-12-01T10:15:30.123456Z"), UUID.randomUUID());

  @Test
  void roundTripsAPositionOfItsList() {
    String cursor = codec.encode(position, "tasks:a");
    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(codec.decode(cursor, "tasks:a")).isEqualTo(position);
  }

  @Test
  void refusesCursorsOfAnotherListOrKeyAndEditedOnes() {
    String cursor = codec.encode(position, "tasks:a");
    assertThatThrownBy(() -> codec.decode(cursor, "tasks:b"))
        .isInstanceOf(InvalidCursorException.class);
    CursorCodec other =
        new CursorCodec("another secret of at least 32 bytes!".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> other.decode(cursor, "tasks:a"))
        .isInstanceOf(InvalidCursorException.class);
    for (int i = 0; i < cursor.length(); i++) {
      char c = cursor.charAt(i) == 'A' ? 'B' : 'A';
      String edited = cursor.substring(0, i) + c + cursor.substring(i + 1);
      assertThatThrownBy(() -> codec.decode(edited, "tasks:a"))
          .isInstanceOf(InvalidCursorException.class);
    }
    assertThatThrownBy(() -> codec.decode(cursor.substring(1), "tasks:a"))
        .isInstanceOf(InvalidCursorException.class);
    assertThatThrownBy(() -> codec.decode("%%%", "tasks:a"))
        .isInstanceOf(InvalidCursorException.class);
  }

  @Test
  void refusesShortSecrets() {
    assertThatThrownBy(() -> new CursorCodec(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
