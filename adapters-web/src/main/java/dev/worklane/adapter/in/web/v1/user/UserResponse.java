package dev.worklane.adapter.in.web.v1.user;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record UserResponse(
    UUID id,
    String email,
    List<String> roles,
    String status,
    String displayName,
    String timeZone,
    Instant createdAt,
    Instant updatedAt) {}
