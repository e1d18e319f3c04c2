package dev.worklane.adapter.in.web.v1.user;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record ChangePasswordRequest(
    @NotNull @Size(max = 128) String currentPassword,
    @NotNull @Size(min = 12, max = 128) String newPassword) {

  @Override
  public String toString() {
    return "ChangePasswordRequest[****]";
  }
}
