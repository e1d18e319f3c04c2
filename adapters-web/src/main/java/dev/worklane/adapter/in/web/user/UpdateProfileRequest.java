package dev.worklane.adapter.in.web.user;

import dev.worklane.adapter.in.web.support.NoControlCharacters;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** PATCH body: absent (or null) fields are left unchanged. */
public record UpdateProfileRequest(
    @Size(min = 1, max = 100)
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        @NoControlCharacters
        String displayName,
    @Size(max = 64) @NoControlCharacters String timeZone) {}
