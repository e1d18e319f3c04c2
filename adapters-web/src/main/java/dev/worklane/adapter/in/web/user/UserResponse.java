package dev.worklane.adapter.in.web.user;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/** Bounds in {@code @Schema} are those the requests that set the values enforce. */
@NullMarked
public record UserResponse(
    UUID id,
    @Schema(maxLength = 254, format = "email") String email,
    @ArraySchema(
            maxItems = 3,
            uniqueItems = true,
            arraySchema = @Schema(description = "Highest role first"),
            schema = @Schema(allowableValues = {"ADMIN", "MANAGER", "USER"}))
        List<String> roles,
    @Schema(allowableValues = {"ACTIVE", "DISABLED"}) String status,
    @Schema(
            maxLength = 100,
            types = {"string", "null"})
        @Nullable String displayName,
    @Schema(maxLength = 64, description = "IANA time-zone id, e.g. Europe/Paris")
        @Nullable String timeZone,
    @Schema(
            format = "uri",
            description =
                "Where anyone, without credentials, fetches the avatar (PNG, JPEG or WebP): under"
                    + " WORKLANE_PUBLIC_FILES_BASE_URL, a new URL for every upload; null without"
                    + " one")
        @Nullable URI avatarUrl,
    Instant createdAt,
    Instant updatedAt) {}
