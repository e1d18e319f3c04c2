package dev.worklane.adapter.in.web.user;

import dev.worklane.adapter.in.web.support.NoControlCharacters;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ChangePasswordRequest(
    @NotNull @Size(max = 128) @NoControlCharacters String currentPassword,
    @NotNull @Size(min = 12, max = 128) @NoControlCharacters String newPassword) {

  @Override
  public String toString() {
    return "ChangePasswordRequest[****]";
  }
}
