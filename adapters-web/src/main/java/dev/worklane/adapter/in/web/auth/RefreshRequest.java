package dev.worklane.adapter.in.web.auth;

import dev.worklane.adapter.in.web.support.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RefreshRequest(@NotBlank @Size(max = 256) @NoControlCharacters String refreshToken) {
  @Override
  public String toString() {
    return "RefreshRequest[****]";
  }
}
