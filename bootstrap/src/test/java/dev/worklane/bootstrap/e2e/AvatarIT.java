package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.worklane.application.port.model.storage.ObjectVisibility;
import dev.worklane.application.port.out.ObjectStorage;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.service.user.AvatarSweeper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Avatars end to end (issue #13 point 8), in both API versions: real images up, their public URL
 * (under WORKLANE_PUBLIC_FILES_BASE_URL, the app itself here) down without credentials, with long
 * cache headers; a new URL per upload, the old one gone; the bytes decide the type; 2 MiB at most.
 */
class AvatarIT extends SharedE2eTest {
  static final int MAX = 2 * 1024 * 1024;
  static final String BOUNDARY = "avatar-it-b0undary";

  /** A 1×1 lossless WebP (javax.imageio writes no WebP). */
  static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  @Autowired ObjectStorage storage;
  @Autowired ProfileRepository profiles;

  record User(String id, String token) {}

  User newUser() {
    String email = uniqueEmail();
    String id = register(email);
    return new User(id, login(email).get("accessToken").asString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void pngJpegAndWebpAreStoredAndServedPubliclyWithLongCacheHeaders(String version) {
    User ada = newUser();
    for (Image image :
        List.of(
            new Image(render("png"), "image/png", "png"),
            new Image(render("jpeg"), "image/jpeg", "jpg"),
            new Image(WEBP, "image/webp", "webp"))) {
      Api.Response uploaded =
          upload(version, ada, "me." + image.extension, image.type, image.bytes);

      assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
      String url = uploaded.data().get("avatarUrl").asString();
      assertThat(url)
          .matches(
              "http://localhost:8080/files/public/avatars/"
                  + ada.id()
                  + "/[0-9a-f-]{36}\\."
                  + image.extension);
      assertThat(me(version, ada).get("avatarUrl").asString()).isEqualTo(url);

      HttpResponse<byte[]> served = fetch(url, null);
      assertThat(served.statusCode()).as(image.type).isEqualTo(200);
      assertThat(served.body()).isEqualTo(image.bytes);
      assertThat(served.headers().firstValue("Content-Type")).contains(image.type);
      assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(served.headers().firstValue("Cache-Control").orElseThrow())
          .contains("public")
          .contains("max-age=31536000")
          .contains("immutable");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void aSecondUploadChangesTheUrlAndTheOldOneStopsWorking(String version) {
    User ada = newUser();
    assertThat(me(version, ada).get("avatarUrl").isNull()).as("cached without an avatar").isTrue();
    String first = avatarUrl(upload(version, ada, "a.png", "image/png", render("png")));
    assertThat(me(version, ada).get("avatarUrl").asString()).isEqualTo(first);

    byte[] second = render("jpeg");
    String replaced = avatarUrl(upload(version, ada, "b.jpg", "image/jpeg", second));

    assertThat(replaced).isNotEqualTo(first);
    assertThat(me(version, ada).get("avatarUrl").asString())
        .as("the cached representation was invalidated")
        .isEqualTo(replaced);
    assertThat(fetch(first, null).statusCode()).isEqualTo(404);
    assertThat(fetch(replaced, null).body()).isEqualTo(second);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void theBytesDecideTheTypeWhateverTheNameOrDeclaredTypeSay(String version) {
    User ada = newUser();
    String kept = avatarUrl(upload(version, ada, "me.png", "image/png", render("png")));

    Api.Response gif = upload(version, ada, "me.gif", "image/gif", render("gif"));
    assertProblem(gif, 415, "UNSUPPORTED_MEDIA_TYPE");
    Api.Response html =
        upload(
            version,
            ada,
            "avatar.png",
            "image/png",
            "<!DOCTYPE html><html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8));
    assertProblem(html, 415, "UNSUPPORTED_MEDIA_TYPE");
    assertThat(html.json().get("errors").get(0).get("field").asString()).isEqualTo("file");

    assertThat(me(version, ada).get("avatarUrl").asString()).isEqualTo(kept);
    assertThat(storedAvatarsOf(ada)).as("nothing of the refused uploads was kept").hasSize(1);

    // And a real JPEG declared as HTML and named .txt is a JPEG.
    byte[] jpeg = render("jpeg");
    String url = avatarUrl(upload(version, ada, "notes.txt", "text/html", jpeg));
    assertThat(url).endsWith(".jpg");
    assertThat(fetch(url, null).headers().firstValue("Content-Type")).contains("image/jpeg");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void twoMebibytesAreAcceptedAndOneByteMoreIsA413(String version) {
    User ada = newUser();
    byte[] png = render("png");

    Api.Response tooLarge = upload(version, ada, "big.png", "image/png", padded(png, MAX + 1));
    assertProblem(tooLarge, 413, "PAYLOAD_TOO_LARGE");
    assertThat(me(version, ada).get("avatarUrl").isNull()).isTrue();
    assertThat(storedAvatarsOf(ada)).isEmpty();

    byte[] exactly = padded(png, MAX);
    String url = avatarUrl(upload(version, ada, "big.png", "image/png", exactly));
    assertThat(fetch(url, null).body()).isEqualTo(exactly);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void deletingClearsTheAvatarAndRemovesTheImage(String version) {
    User ada = newUser();
    String url = avatarUrl(upload(version, ada, "me.webp", "image/webp", WEBP));

    Api.Response deleted =
        api().call("DELETE", "/api/" + version + "/users/me/avatar").bearer(ada.token()).send();

    assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    assertThat(me(version, ada).get("avatarUrl").isNull()).isTrue();
    assertThat(fetch(url, null).statusCode()).isEqualTo(404);
    assertThat(storedAvatarsOf(ada)).isEmpty();
    Api.Response again =
        api().call("DELETE", "/api/" + version + "/users/me/avatar").bearer(ada.token()).send();
    assertThat(again.status()).as("idempotent").isEqualTo(204);
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void anotherUsersAvatarIsPublicButNothingElseIs(String version) {
    User ada = newUser();
    User bob = newUser();
    byte[] png = render("png");
    String url = avatarUrl(upload(version, ada, "me.png", "image/png", png));

    assertThat(fetch(url, bob.token()).body()).isEqualTo(png);
    assertThat(fetch(url, null).body()).as("no credentials needed").isEqualTo(png);

    // A private object is not served at a public URL, even under avatars/.
    String privateKey = "avatars/" + ada.id() + "/" + UUID.randomUUID() + ".png";
    storage.put(
        privateKey,
        new ByteArrayInputStream(png),
        png.length,
        "image/png",
        ObjectVisibility.PRIVATE);
    try {
      assertThat(fetch(storage.publicUrl(privateKey).toString(), null).statusCode()).isEqualTo(404);
    } finally {
      storage.delete(privateKey);
    }
    assertThat(
            fetch("http://localhost:8080/files/public/avatars/../" + ada.id(), null).statusCode())
        .isIn(400, 404);
    assertProblem(api().get("/api/" + version + "/users/me", null), 401, "UNAUTHENTICATED");
    assertProblem(
        api()
            .call("PUT", "/api/" + version + "/users/me/avatar")
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .body(HttpRequest.BodyPublishers.ofByteArray(multipart("a.png", "image/png", png)))
            .send(),
        401,
        "UNAUTHENTICATED");
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2"})
  void anUploadThatIsNotMultipartOrLacksTheFilePartIsRefused(String version) {
    User ada = newUser();
    Api.Response raw =
        api()
            .call("PUT", "/api/" + version + "/users/me/avatar")
            .bearer(ada.token())
            .header("Content-Type", "image/png")
            .body(HttpRequest.BodyPublishers.ofByteArray(render("png")))
            .send();
    assertProblem(raw, 415, "UNSUPPORTED_MEDIA_TYPE");

    Api.Response noFile =
        api()
            .call("PUT", "/api/" + version + "/users/me/avatar")
            .bearer(ada.token())
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .body(
                HttpRequest.BodyPublishers.ofByteArray(
                    ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII)))
            .send();
    assertThat(noFile.status()).as(noFile.toString()).isEqualTo(400);
  }

  /**
   * The sweep on the real store and database: an object no profile names goes, the avatar in use
   * stays. A negative grace takes objects of any age (in production: one hour).
   */
  @Test
  void theSweepRemovesStoredAvatarsThatNoProfileNames() {
    User ada = newUser();
    byte[] png = render("png");
    String url = avatarUrl(upload("v2", ada, "me.png", "image/png", png));
    String orphan = "avatars/" + ada.id() + "/" + UUID.randomUUID() + ".png";
    storage.put(
        orphan, new ByteArrayInputStream(png), png.length, "image/png", ObjectVisibility.PUBLIC);
    assertThat(storedAvatarsOf(ada)).hasSize(2);

    int removed =
        new AvatarSweeper(storage, profiles, Duration.ofMinutes(-1), Clock.systemUTC()).sweep();

    assertThat(removed).isGreaterThanOrEqualTo(1);
    assertThat(storedAvatarsOf(ada)).containsExactly(url.substring(url.indexOf("avatars/")));
    assertThat(fetch(url, null).body()).isEqualTo(png);
  }

  record Image(byte[] bytes, String type, String extension) {}

  Api.Response upload(String version, User user, String fileName, String type, byte[] bytes) {
    return api()
        .call("PUT", "/api/" + version + "/users/me/avatar")
        .bearer(user.token())
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .body(HttpRequest.BodyPublishers.ofByteArray(multipart(fileName, type, bytes)))
        .send();
  }

  static String avatarUrl(Api.Response uploaded) {
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
    return uploaded.data().get("avatarUrl").asString();
  }

  JsonNode me(String version, User user) {
    Api.Response me = api().get("/api/" + version + "/users/me", user.token());
    assertThat(me.status()).as(me.toString()).isEqualTo(200);
    return me.data();
  }

  /** GETs a public URL from this test's app: its base is the app's configured own address. */
  HttpResponse<byte[]> fetch(String url, String token) {
    URI uri = URI.create(url);
    assertThat(url).startsWith("http://localhost:8080/files/public/");
    return api().call("GET", uri.getRawPath()).bearer(token).sendForBytes();
  }

  /** The user's avatar objects in the store, whatever their age. */
  List<String> storedAvatarsOf(User user) {
    List<String> keys = new java.util.ArrayList<>();
    storage.list(
        "avatars/" + user.id() + "/",
        java.time.Instant.now().plusSeconds(60),
        object -> keys.add(object.key()));
    return keys;
  }

  static byte[] multipart(String fileName, String type, byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  /** A small real image, written by javax.imageio. */
  static byte[] render(String format) {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 8; x++) {
      for (int y = 0; y < 8; y++) {
        image.setRGB(x, y, new Color(x * 32, y * 32, 128).getRGB());
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      assertThat(ImageIO.write(image, format, out)).as(format + " writer").isTrue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code image} followed by zeros up to {@code size} bytes (still sniffed as its format). */
  static byte[] padded(byte[] image, int size) {
    return Arrays.copyOf(image, size);
  }
}
