package dev.worklane.adapter.in.web.auth;

import dev.worklane.adapter.in.web.support.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Upper bounds keep a hostile request from making the hasher work on megabytes. */
public record LoginRequest(
    @NotBlank @Size(max = 254) @NoControlCharacters String email,
    @NotNull @Size(max = 128) @NoControlCharacters String password) {

  @Override
  public String toString() {
    return "LoginRequest[email=" + email + ", password=****]";
  }
}
