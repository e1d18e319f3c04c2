package dev.worklane.adapter.in.web.project;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

@NullMarked
public record MemberResponse(
    UUID userId,
    @Schema(maxLength = 100) @Nullable String displayName,
    @Schema(allowableValues = {"OWNER", "MEMBER"}) String role,
    Instant addedAt) {}
