package dev.worklane.adapter.in.web.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.NullMarked;

/** The one answer to a reset request, whatever the address: nothing tells whether it exists. */
@NullMarked
public record PasswordResetAccepted(@Schema(maxLength = 200) String message) {
  static final PasswordResetAccepted INSTANCE =
      new PasswordResetAccepted(
          "If an active account has this address, an email with a reset token is on its way.");
}
