package dev.worklane.adapter.in.web.v1.project;

import java.time.Instant;
import java.util.UUID;

public record MemberResponse(UUID userId, String displayName, String role, Instant addedAt) {}
