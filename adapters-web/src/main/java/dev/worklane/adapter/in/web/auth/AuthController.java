package dev.worklane.adapter.in.web.auth;

import dev.worklane.adapter.in.web.security.ClientKeys;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.ApiVersioning;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.adapter.in.web.user.UserResponse;
import dev.worklane.adapter.in.web.user.UserWebMapper;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.auth.AuthenticationUseCase;
import dev.worklane.application.port.in.auth.ConfirmPasswordResetCommand;
import dev.worklane.application.port.in.auth.IssuedTokens;
import dev.worklane.application.port.in.auth.LoginCommand;
import dev.worklane.application.port.in.auth.LogoutCommand;
import dev.worklane.application.port.in.auth.PasswordResetUseCase;
import dev.worklane.application.port.in.auth.RegisterUserCommand;
import dev.worklane.application.port.in.auth.RegisterUserUseCase;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.Password;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(
    path = ApiPaths.VERSIONED + ApiPaths.AUTH,
    version = ApiVersioning.V1,
    produces = MediaType.APPLICATION_JSON_VALUE)
public class AuthController {
  private final RegisterUserUseCase registration;
  private final AuthenticationUseCase authentication;
  private final PasswordResetUseCase passwordReset;
  private final UserWebMapper mapper;
  private final Envelopes envelopes;

  public AuthController(
      RegisterUserUseCase registration,
      AuthenticationUseCase authentication,
      PasswordResetUseCase passwordReset,
      UserWebMapper mapper,
      Envelopes envelopes) {
    this.registration = registration;
    this.authentication = authentication;
    this.passwordReset = passwordReset;
    this.mapper = mapper;
    this.envelopes = envelopes;
  }

  @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity says; springdoc reads only this
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "409",
      description = "`EMAIL_TAKEN`: the email is registered")
  ResponseEntity<ApiResponse<UserResponse>> register(@Valid @RequestBody RegisterRequest body) {
    var account =
        registration.register(
            new RegisterUserCommand(
                new Email(body.email()), new Password(body.password()), body.displayName()));
    return ResponseEntity.created(URI.create(ApiPaths.V1 + ApiPaths.USERS + "/me"))
        .body(envelopes.of(mapper.toResponse(account)));
  }

  @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
  ApiResponse<TokenResponse> login(
      @Valid @RequestBody LoginRequest body, HttpServletRequest request) {
    return envelopes.of(
        tokens(
            authentication.login(
                new LoginCommand(
                    body.email(), body.password(), ClientKeys.of(request.getRemoteAddr())))));
  }

  @PostMapping(path = "/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
  ApiResponse<TokenResponse> refresh(@Valid @RequestBody RefreshRequest body) {
    return envelopes.of(tokens(authentication.refresh(body.refreshToken())));
  }

  /** Ends the token's session: its refresh family is revoked and the access token denylisted. */
  @PostMapping("/logout")
  ResponseEntity<Void> logout(
      Actor actor, @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
    if (jwt == null) {
      HttpSession session = request.getSession(false); // a browser session caller
      if (session != null) {
        session.invalidate();
      }
    }
    authentication.logout(
        actor,
        jwt == null
            ? LogoutCommand.none()
            : new LogoutCommand(sessionFamily(jwt), jwt.getId(), jwt.getExpiresAt()));
    return ResponseEntity.noContent().build();
  }

  /**
   * Queues a reset email when an active account has the address. The answer is the same 202 for
   * every well-formed address, known or not (no account enumeration).
   */
  @PostMapping(path = "/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.ACCEPTED)
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "429",
      description = "`RATE_LIMITED`: 3 requests per hour per address")
  ResponseEntity<ApiResponse<PasswordResetAccepted>> requestPasswordReset(
      @Valid @RequestBody PasswordResetRequest body) {
    passwordReset.requestReset(new Email(body.email()));
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(envelopes.of(PasswordResetAccepted.INSTANCE));
  }

  /** Sets the new password and ends every token and session of the account. */
  @PostMapping(path = "/password-reset/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @io.swagger.v3.oas.annotations.responses.ApiResponse(
      responseCode = "400",
      description = "`INVALID_RESET_TOKEN`: the token is unknown, used or expired")
  ResponseEntity<Void> confirmPasswordReset(@Valid @RequestBody PasswordResetConfirmRequest body) {
    passwordReset.confirmReset(
        new ConfirmPasswordResetCommand(body.token(), new Password(body.newPassword())));
    return ResponseEntity.noContent().build();
  }

  private static UUID sessionFamily(Jwt jwt) {
    String sid = jwt == null ? null : jwt.getClaimAsString("sid");
    try {
      return sid == null ? null : UUID.fromString(sid);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static TokenResponse tokens(IssuedTokens issued) {
    return new TokenResponse(
        issued.accessToken(),
        issued.refreshToken(),
        IssuedTokens.TOKEN_TYPE,
        issued.accessTokenTtl().toSeconds());
  }
}
