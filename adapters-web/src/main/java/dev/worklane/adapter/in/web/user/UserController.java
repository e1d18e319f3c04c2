package dev.worklane.adapter.in.web.user;

import dev.worklane.adapter.in.web.openapi.Problems;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.ApiVersioning;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.adapter.in.web.support.PageParameters;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.ChangePasswordCommand;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import dev.worklane.application.port.in.user.UpdateProfileCommand;
import dev.worklane.application.port.in.user.UserAdministrationUseCase;
import dev.worklane.domain.user.Password;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(
    path = ApiPaths.VERSIONED + ApiPaths.USERS,
    version = ApiVersioning.V1,
    produces = MediaType.APPLICATION_JSON_VALUE)
public class UserController {
  private final MyAccountUseCase myAccount;
  private final UserAdministrationUseCase administration;
  private final UserWebMapper mapper;
  private final Envelopes envelopes;

  public UserController(
      MyAccountUseCase myAccount,
      UserAdministrationUseCase administration,
      UserWebMapper mapper,
      Envelopes envelopes) {
    this.myAccount = myAccount;
    this.administration = administration;
    this.mapper = mapper;
    this.envelopes = envelopes;
  }

  @GetMapping("/me")
  ApiResponse<UserResponse> me(Actor actor) {
    return envelopes.of(mapper.toResponse(myAccount.get(actor)));
  }

  @PatchMapping(path = "/me", consumes = MediaType.APPLICATION_JSON_VALUE)
  ApiResponse<UserResponse> updateMe(Actor actor, @Valid @RequestBody UpdateProfileRequest body) {
    var command =
        new UpdateProfileCommand(
            Optional.ofNullable(body.displayName()),
            Optional.ofNullable(body.timeZone()).map(Profile::ianaZone));
    return envelopes.of(mapper.toResponse(myAccount.updateProfile(actor, command)));
  }

  /** 204; every token and session of the account, this one included, must log in again. */
  @Problems(HttpStatus.CONFLICT)
  @PostMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> changePassword(Actor actor, @Valid @RequestBody ChangePasswordRequest body) {
    myAccount.changePassword(
        actor, new ChangePasswordCommand(body.currentPassword(), new Password(body.newPassword())));
    return ResponseEntity.noContent().build();
  }

  /** Every account, oldest first (admin: user:manage). */
  @GetMapping
  ApiResponse<List<UserResponse>> list(
      Actor actor,
      @RequestParam(name = PageParameters.PAGE, required = false) String page,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage) {
    return envelopes.page(
        administration.list(actor, PageParameters.offset(page, perPage)).map(mapper::toResponse));
  }

  /** Replaces the roles; the account's tokens and sessions end, its next login has the new ones. */
  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PatchMapping(path = "/{id}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
  ApiResponse<UserResponse> changeRoles(
      Actor actor, @PathVariable UUID id, @Valid @RequestBody ChangeRolesRequest body) {
    return envelopes.of(
        mapper.toResponse(
            administration.changeRoles(actor, new UserId(id), EnumSet.copyOf(body.roles()))));
  }

  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PostMapping("/{id}/disable")
  ApiResponse<UserResponse> disable(Actor actor, @PathVariable UUID id) {
    return envelopes.of(mapper.toResponse(administration.disable(actor, new UserId(id))));
  }
}
