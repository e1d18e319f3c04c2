package dev.worklane.adapter.in.web.user;

import dev.worklane.adapter.in.web.openapi.Problems;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.ApiVersioning;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.adapter.in.web.support.PageParameters;
import dev.worklane.adapter.in.web.support.StreamingMultipart;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.AvatarUseCase;
import dev.worklane.application.port.in.user.ChangePasswordCommand;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import dev.worklane.application.port.in.user.SetAvatarCommand;
import dev.worklane.application.port.in.user.UpdateProfileCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.in.user.UserAdministrationUseCase;
import dev.worklane.domain.user.AvatarFormat;
import dev.worklane.domain.user.Password;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.UserId;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.SchemaProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own account ({@code /users/me}, its profile and avatar) in v1 and v2 alike; the
 * password change and the administration of users in v1 only (a v2 list would need cursor pages).
 */
@RestController
@RequestMapping(
    path = ApiPaths.VERSIONED + ApiPaths.USERS,
    produces = MediaType.APPLICATION_JSON_VALUE)
public class UserController {
  /** The multipart part that carries the avatar image. */
  static final String AVATAR_PART = SetAvatarCommand.FIELD;

  private final MyAccountUseCase myAccount;
  private final AvatarUseCase avatars;
  private final UserAdministrationUseCase administration;
  private final UserWebMapper mapper;
  private final Envelopes envelopes;

  public UserController(
      MyAccountUseCase myAccount,
      AvatarUseCase avatars,
      UserAdministrationUseCase administration,
      UserWebMapper mapper,
      Envelopes envelopes) {
    this.myAccount = myAccount;
    this.avatars = avatars;
    this.administration = administration;
    this.mapper = mapper;
    this.envelopes = envelopes;
  }

  @GetMapping(path = "/me", version = ApiVersioning.V1_AND_LATER)
  ApiResponse<UserResponse> me(Actor actor) {
    return envelopes.of(mapper.toResponse(myAccount.get(actor)));
  }

  @PatchMapping(
      path = "/me",
      version = ApiVersioning.V1_AND_LATER,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ApiResponse<UserResponse> updateMe(Actor actor, @Valid @RequestBody UpdateProfileRequest body) {
    var command =
        new UpdateProfileCommand(
            Optional.ofNullable(body.displayName()),
            Optional.ofNullable(body.timeZone()).map(Profile::ianaZone));
    return envelopes.of(mapper.toResponse(myAccount.updateProfile(actor, command)));
  }

  /**
   * Replaces the avatar with the {@code file} part, streamed (the use case reads at most 2 MiB and
   * decides the type from the bytes, never from the part's name or Content-Type); 200 with the
   * account and its new {@code avatarUrl}.
   */
  @PutMapping(
      path = ApiPaths.MY_AVATAR,
      version = ApiVersioning.V1_AND_LATER,
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
              schema = @Schema(type = "object", requiredProperties = AVATAR_PART),
              schemaProperties =
                  @SchemaProperty(
                      name = AVATAR_PART,
                      schema =
                          @Schema(
                              type = "string",
                              format = "binary",
                              maxLength = AvatarFormat.MAX_BYTES,
                              description =
                                  "The image: PNG, JPEG or WebP as told by its bytes, at most 2"
                                      + " MiB")),
              encoding =
                  @Encoding(name = AVATAR_PART, contentType = "image/png, image/jpeg, image/webp")))
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "200",
      description = "The account with its new `avatarUrl`",
      useReturnTypeSchema = true)
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "413",
      description = "`PAYLOAD_TOO_LARGE`: the image is larger than 2 MiB (2097152 bytes)")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "415",
      description =
          "`UNSUPPORTED_MEDIA_TYPE`: the body is not multipart/form-data, or its bytes are not a"
              + " PNG, JPEG or WebP image (whatever the part's declared type or file name)")
  ApiResponse<UserResponse> putAvatar(Actor actor, HttpServletRequest request) {
    UserAccount account =
        StreamingMultipart.readFile(
            request,
            AVATAR_PART,
            AvatarFormat.MAX_BYTES,
            part -> avatars.setAvatar(actor, new SetAvatarCommand(part.content())));
    return envelopes.of(mapper.toResponse(account));
  }

  /** 204 whether there was an avatar or not: afterwards there is none (DELETE is idempotent). */
  @DeleteMapping(path = ApiPaths.MY_AVATAR, version = ApiVersioning.V1_AND_LATER)
  ResponseEntity<Void> deleteAvatar(Actor actor) {
    avatars.removeAvatar(actor);
    return ResponseEntity.noContent().build();
  }

  /** 204; every token and session of the account, this one included, must log in again. */
  @Problems(HttpStatus.CONFLICT)
  @PostMapping(
      path = "/me/password",
      version = ApiVersioning.V1,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Void> changePassword(Actor actor, @Valid @RequestBody ChangePasswordRequest body) {
    myAccount.changePassword(
        actor, new ChangePasswordCommand(body.currentPassword(), new Password(body.newPassword())));
    return ResponseEntity.noContent().build();
  }

  /** Every account, oldest first (admin: user:manage). */
  @GetMapping(version = ApiVersioning.V1)
  ApiResponse<List<UserResponse>> list(
      Actor actor,
      @RequestParam(name = PageParameters.PAGE, required = false) String page,
      @RequestParam(name = PageParameters.PER_PAGE, required = false) String perPage) {
    return envelopes.page(
        administration.list(actor, PageParameters.offset(page, perPage)).map(mapper::toResponse));
  }

  /** Replaces the roles; the account's tokens and sessions end, its next login has the new ones. */
  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PatchMapping(
      path = "/{id}/roles",
      version = ApiVersioning.V1,
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ApiResponse<UserResponse> changeRoles(
      Actor actor, @PathVariable UUID id, @Valid @RequestBody ChangeRolesRequest body) {
    return envelopes.of(
        mapper.toResponse(
            administration.changeRoles(actor, new UserId(id), EnumSet.copyOf(body.roles()))));
  }

  @Problems({HttpStatus.NOT_FOUND, HttpStatus.CONFLICT})
  @PostMapping(path = "/{id}/disable", version = ApiVersioning.V1)
  ApiResponse<UserResponse> disable(Actor actor, @PathVariable UUID id) {
    return envelopes.of(mapper.toResponse(administration.disable(actor, new UserId(id))));
  }
}
