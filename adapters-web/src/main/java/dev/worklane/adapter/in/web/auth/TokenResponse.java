package dev.worklane.adapter.in.web.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.NullMarked;

/** {@code expiresIn} is the access token's lifetime in seconds (RFC 6749 §5.1). */
@NullMarked
public record TokenResponse(
    @Schema(maxLength = 4096, description = "ES256-signed JWT") String accessToken,
    @Schema(maxLength = 64, pattern = "^[A-Za-z0-9_-]+$", description = "Opaque, single use")
        String refreshToken,
    @Schema(allowableValues = "Bearer") String tokenType,
    @Schema(minimum = "1", description = "Access-token lifetime, seconds") long expiresIn) {
  @Override
  public String toString() {
    return "TokenResponse[****]";
  }
}
