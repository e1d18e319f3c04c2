package dev.worklane.adapter.in.web.user;

import dev.worklane.domain.user.Role;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code PATCH /users/{id}/roles}: the account's complete new set of roles. */
public record ChangeRolesRequest(@NotNull @NotEmpty @Size(max = 3) List<@NotNull Role> roles) {}
