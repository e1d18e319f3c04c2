package dev.worklane.domain.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AvatarFormatTest {

  @Test
  void acceptsPngJpegAndWebpOnly() {
    assertThat(AvatarFormat.ofMediaType("image/png")).contains(AvatarFormat.PNG);
    assertThat(AvatarFormat.ofMediaType("image/jpeg")).contains(AvatarFormat.JPEG);
    assertThat(AvatarFormat.ofMediaType("image/webp")).contains(AvatarFormat.WEBP);
    assertThat(AvatarFormat.ofMediaType("IMAGE/PNG; charset=binary")).contains(AvatarFormat.PNG);
    for (String other :
        new String[] {
          "image/gif", "image/svg+xml", "text/html", "application/octet-stream", "image/pngx", ""
        }) {
      assertThat(AvatarFormat.ofMediaType(other)).as(other).isEmpty();
    }
    assertThat(AvatarFormat.ofMediaType(null)).isEmpty();
  }

  @Test
  void keysNameTheOwnerAndChangeWithEveryUpload() {
    UserId owner = UserId.of("0b7e7c1e-5d1a-4f7e-9a51-6f0f6f2b8c11");
    UUID random = UUID.fromString("9d2c1a4e-0f3b-4c6d-8e7f-102030405060");
    assertThat(AvatarFormat.JPEG.keyFor(owner, random))
        .isEqualTo(
            "avatars/0b7e7c1e-5d1a-4f7e-9a51-6f0f6f2b8c11/9d2c1a4e-0f3b-4c6d-8e7f-102030405060.jpg");
    assertThat(AvatarFormat.PNG.keyFor(owner, UUID.randomUUID()))
        .isNotEqualTo(AvatarFormat.PNG.keyFor(owner, UUID.randomUUID()))
        .endsWith(".png");
    assertThat(AvatarFormat.WEBP.keyFor(owner, random)).endsWith(".webp");
    assertThat(AvatarFormat.WEBP.mediaType()).isEqualTo("image/webp");
  }
}
