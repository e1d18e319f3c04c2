package dev.worklane.adapter.in.web.auth;

import dev.worklane.adapter.in.web.support.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Shape checks only; the domain's Email and Password value objects enforce the rules. */
public record RegisterRequest(
    @NotBlank @Size(max = 254) @NoControlCharacters String email,
    @NotNull @Size(min = 12, max = 128) @NoControlCharacters String password,
    @Size(max = 100) @NoControlCharacters String displayName) {

  @Override
  public String toString() {
    return "RegisterRequest[email=" + email + ", password=****]";
  }
}
