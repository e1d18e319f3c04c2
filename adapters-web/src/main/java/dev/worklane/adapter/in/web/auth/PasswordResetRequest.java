package dev.worklane.adapter.in.web.auth;

import dev.worklane.adapter.in.web.support.NoControlCharacters;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record PasswordResetRequest(@NotBlank @Size(max = 254) @NoControlCharacters String email) {}
