package dev.worklane.adapter.in.web.auth;

import static dev.worklane.adapter.in.web.WebSlice.cookie;
import static dev.worklane.adapter.in.web.WebSlice.problem;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklane.adapter.in.web.WebSlice;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.auth.AuthenticationUseCase;
import dev.worklane.application.port.in.auth.LogoutCommand;
import dev.worklane.application.port.in.auth.SessionLogin;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.domain.common.AuthenticationFailedException;
import dev.worklane.domain.fixtures.UserFixtures;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

@WebSlice.Context
class SessionControllerTest extends WebSlice {
  static final String SESSION = "/api/v1/auth/session";

  @Autowired AuthenticationUseCase authentication;
  @Autowired MyAccountUseCase myAccount;

  final User user = UserFixtures.aUser().email("ada@example.com").build();
  final Actor actor = new Actor(user.id(), user.roles());

  MockHttpSession logIn() throws Exception {
    given(authentication.authenticate(any())).willReturn(new SessionLogin(actor, WebSlice.NOW));
    given(myAccount.get(actor))
        .willReturn(
            UserAccount.of(user, Profile.initial(user.id(), user.email(), "Ada", WebSlice.NOW)));
    return (MockHttpSession)
        mvc.perform(
                json(
                    post(SESSION),
                    "{\"email\":\"ada@example.com\",\"password\":\"correct horse\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.data.email", is("ada@example.com")))
            .andReturn()
            .getRequest()
            .getSession(false);
  }

  @Test
  void aJsonLoginOpensASessionThatAuthenticatesLaterRequests() throws Exception {
    MockHttpSession session = logIn();

    mvc.perform(get(SESSION.replace("session", "csrf")).with(cookie(session)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data.headerName").isString())
        .andExpect(jsonPath("$.data.token").isString());
    mvc.perform(delete(SESSION).with(cookie(session)).with(csrf()))
        .andExpect(status().isNoContent());
    then(authentication).should().logout(actor, LogoutCommand.none());
    org.assertj.core.api.Assertions.assertThat(session.isInvalid()).isTrue();
  }

  @Test
  void aSessionsUnsafeRequestWithoutTheCsrfTokenIs403() throws Exception {
    MockHttpSession session = logIn();

    mvc.perform(delete(SESSION).with(cookie(session))).andExpect(problem(403, "CSRF_REJECTED"));
    then(authentication).should(org.mockito.Mockito.never()).logout(any(), any());
  }

  @Test
  void aFormLoginNeedsTheCsrfTokenAgainstLoginCsrf() throws Exception {
    mvc.perform(
            post(SESSION)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("email", "ada@example.com")
                .param("password", "correct horse"))
        .andExpect(problem(403, "CSRF_REJECTED"));
    verifyNoInteractions(authentication);
  }

  @Test
  void badCredentialsAre401() throws Exception {
    given(authentication.authenticate(any()))
        .willThrow(new AuthenticationFailedException("INVALID_CREDENTIALS", "Invalid credentials"));

    mvc.perform(json(post(SESSION), "{\"email\":\"ada@example.com\",\"password\":\"wrong\"}"))
        .andExpect(problem(401, "INVALID_CREDENTIALS"));
  }

  @Test
  void loggingOutWithoutASessionIs401() throws Exception {
    mvc.perform(delete(SESSION)).andExpect(problem(401, "UNAUTHENTICATED"));
    verifyNoInteractions(authentication);
  }
}
