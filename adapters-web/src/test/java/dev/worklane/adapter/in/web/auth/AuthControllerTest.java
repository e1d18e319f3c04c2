package dev.worklane.adapter.in.web.auth;

import static dev.worklane.adapter.in.web.WebSlice.deprecatedV1;
import static dev.worklane.adapter.in.web.WebSlice.problem;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklane.adapter.in.web.WebSlice;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.auth.AuthenticationUseCase;
import dev.worklane.application.port.in.auth.IssuedTokens;
import dev.worklane.application.port.in.auth.LoginCommand;
import dev.worklane.application.port.in.auth.LogoutCommand;
import dev.worklane.application.port.in.auth.PasswordResetUseCase;
import dev.worklane.application.port.in.auth.RegisterUserCommand;
import dev.worklane.application.port.in.auth.RegisterUserUseCase;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.domain.common.AuthenticationFailedException;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.RateLimitedException;
import dev.worklane.domain.fixtures.UserFixtures;
import dev.worklane.domain.user.Email;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebSlice.Context
class AuthControllerTest extends WebSlice {
  static final String LOGIN = "{\"email\":\"ada@example.com\",\"password\":\"correct horse\"}";

  @Autowired RegisterUserUseCase registration;
  @Autowired AuthenticationUseCase authentication;
  @Autowired PasswordResetUseCase passwordReset;

  final User user = UserFixtures.aUser().email("ada@example.com").build();

  static MockHttpServletRequestBuilder postJson(String path, String body) {
    return json(post(path), body);
  }

  @Test
  void registerIsPublicAndAnswers201WithTheAccount() throws Exception {
    given(registration.register(any()))
        .willReturn(
            UserAccount.of(user, Profile.initial(user.id(), user.email(), "Ada", WebSlice.NOW)));

    mvc.perform(
            postJson(
                "/api/v1/auth/register",
                "{\"email\":\"ada@example.com\",\"password\":\"a long password\"}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/v1/users/me"))
        .andExpect(deprecatedV1(null))
        .andExpect(jsonPath("$.data.email", is("ada@example.com")));
    ArgumentCaptor<RegisterUserCommand> command =
        ArgumentCaptor.forClass(RegisterUserCommand.class);
    then(registration).should().register(command.capture());
    org.assertj.core.api.Assertions.assertThat(command.getValue().email())
        .isEqualTo(new Email("ada@example.com"));
  }

  @Test
  void aTakenEmailIs409AndAShortPasswordA400() throws Exception {
    given(registration.register(any()))
        .willThrow(new ConflictException("EMAIL_TAKEN", "The email is registered"));

    mvc.perform(
            postJson(
                "/api/v1/auth/register",
                "{\"email\":\"ada@example.com\",\"password\":\"a long password\"}"))
        .andExpect(problem(409, "EMAIL_TAKEN"));
    mvc.perform(
            postJson(
                "/api/v1/auth/register", "{\"email\":\"ada@example.com\",\"password\":\"short\"}"))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("password")));
  }

  @Test
  void loginAnswersTheTokensAndNeverEchoesThePassword() throws Exception {
    given(authentication.login(any()))
        .willReturn(new IssuedTokens("access.jwt", "refresh", Duration.ofMinutes(15)));

    mvc.perform(postJson("/api/v1/auth/login", LOGIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data.accessToken", is("access.jwt")))
        .andExpect(jsonPath("$.data.tokenType", is("Bearer")))
        .andExpect(jsonPath("$.data.expiresIn", is(900)));
    ArgumentCaptor<LoginCommand> command = ArgumentCaptor.forClass(LoginCommand.class);
    then(authentication).should().login(command.capture());
    org.assertj.core.api.Assertions.assertThat(command.getValue().password())
        .isEqualTo("correct horse");
  }

  @Test
  void badCredentialsAre401AndTooManyAttempts429WithRetryAfter() throws Exception {
    given(authentication.login(any()))
        .willThrow(new AuthenticationFailedException("INVALID_CREDENTIALS", "Invalid credentials"))
        .willThrow(new RateLimitedException("login", Duration.ofMillis(1500)));

    mvc.perform(postJson("/api/v1/auth/login", LOGIN))
        .andExpect(problem(401, "INVALID_CREDENTIALS"))
        .andExpect(header().string("WWW-Authenticate", "Bearer"));
    mvc.perform(postJson("/api/v1/auth/login", LOGIN))
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "2"));
  }

  @Test
  void aLoginBodyWithAnUnknownFieldOrNoBodyIsA400() throws Exception {
    mvc.perform(postJson("/api/v1/auth/login", "{\"email\":\"a@b.c\",\"password\":\"p\",\"x\":1}"))
        .andExpect(problem(400, "UNKNOWN_PROPERTY"));
    mvc.perform(postJson("/api/v1/auth/login", "")).andExpect(problem(400, "MALFORMED_BODY"));
    mvc.perform(postJson("/api/v1/auth/login", "{\"email\":\"\",\"password\":\"p\"}"))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("email")));
    verifyNoInteractions(authentication);
  }

  @Test
  void authExistsOnlyInV1() throws Exception {
    // only v1's auth paths are public: a v2 one needs a caller before it can be found missing
    mvc.perform(postJson("/api/v2/auth/login", LOGIN)).andExpect(problem(401, "UNAUTHENTICATED"));
    Actor caller = WebSlice.actor();
    mvc.perform(postJson("/api/v2/auth/login", LOGIN).with(bearer(caller)))
        .andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(postJson("/api/v3/auth/login", LOGIN).with(bearer(caller)))
        .andExpect(problem(404, "NOT_FOUND"));
    verifyNoInteractions(authentication);
  }

  @Test
  void logoutNeedsATokenAndEndsItsSession() throws Exception {
    mvc.perform(post("/api/v1/auth/logout")).andExpect(problem(401, "UNAUTHENTICATED"));
    verifyNoInteractions(authentication);

    Actor actor = WebSlice.actor();
    mvc.perform(post("/api/v1/auth/logout").with(bearer(actor))).andExpect(status().isNoContent());
    ArgumentCaptor<LogoutCommand> command = ArgumentCaptor.forClass(LogoutCommand.class);
    then(authentication).should().logout(eq(actor), command.capture());
    org.assertj.core.api.Assertions.assertThat(command.getValue())
        .isNotEqualTo(LogoutCommand.none());
  }

  @Test
  void aPasswordResetRequestIs202ForAnyWellFormedAddress() throws Exception {
    mvc.perform(postJson("/api/v1/auth/password-reset", "{\"email\":\"nobody@example.com\"}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.data.message").isString());
    then(passwordReset).should().requestReset(new Email("nobody@example.com"));
  }

  @Test
  void anUnknownResetTokenIs400() throws Exception {
    willThrow(
            new dev.worklane.domain.common.InvalidInputException(
                "token", "The reset token is unknown, used or expired"))
        .given(passwordReset)
        .confirmReset(any());

    mvc.perform(
            postJson(
                "/api/v1/auth/password-reset/confirm",
                "{\"token\":\"t\",\"newPassword\":\"a long password\"}"))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("token")));
  }
}
