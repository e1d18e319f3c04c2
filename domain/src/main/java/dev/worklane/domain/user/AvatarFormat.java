package dev.worklane.domain.user;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The image formats an avatar may have, told by the bytes (never by the name or the type a client
 * declared), and the size an avatar may not exceed.
 */
public enum AvatarFormat {
  PNG("image/png", "png"),
  JPEG("image/jpeg", "jpg"),
  WEBP("image/webp", "webp");

  /** 2 MiB: an avatar is shown small; anything larger is a mistake or an abuse. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  private final String mediaType;
  private final String extension;

  AvatarFormat(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The format of a sniffed media type such as {@code image/png}; parameters are ignored. */
  public static Optional<AvatarFormat> ofMediaType(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    int semicolon = mediaType.indexOf(';');
    String bare =
        (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
            .strip()
            .toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.mediaType.equals(bare)).findFirst();
  }

  public String mediaType() {
    return mediaType;
  }

  /**
   * {@code avatars/<userId>/<random>.<ext>}: a new key for every upload, so a public URL names one
   * image forever and may be cached for as long as a CDN likes.
   */
  public String keyFor(UserId owner, UUID random) {
    return "avatars/" + owner + "/" + random + "." + extension;
  }
}
