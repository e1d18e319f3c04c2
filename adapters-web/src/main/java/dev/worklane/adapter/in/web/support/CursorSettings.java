package dev.worklane.adapter.in.web.support;

import java.nio.file.Path;

/**
 * Where the cursor MAC key comes from: {@code secret} ({@code WORKLANE_CURSOR_SECRET}, at least 32
 * characters) or, when blank, {@code secretFile}, generated on first start.
 */
public record CursorSettings(String secret, Path secretFile) {
  @Override
  public String toString() {
    return "CursorSettings[secret=****, secretFile=" + secretFile + "]";
  }
}
