package dev.worklane.adapter.in.web.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.NullMarked;

/** The CSRF token that session-authenticated unsafe requests send in {@code headerName}. */
@NullMarked
public record CsrfTokenResponse(
    @Schema(allowableValues = "X-XSRF-TOKEN") String headerName,
    @Schema(maxLength = 128, description = "Send it unchanged as the header's value")
        String token) {}
