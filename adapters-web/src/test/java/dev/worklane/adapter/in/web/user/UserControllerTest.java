package dev.worklane.adapter.in.web.user;

import static dev.worklane.adapter.in.web.WebSlice.deprecatedV1;
import static dev.worklane.adapter.in.web.WebSlice.problem;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklane.adapter.in.web.WebSlice;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.ChangePasswordCommand;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import dev.worklane.application.port.in.user.UpdateProfileCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.in.user.UserAdministrationUseCase;
import dev.worklane.application.port.model.Page;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.fixtures.UserFixtures;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebSlice.Context
class UserControllerTest extends WebSlice {
  @Autowired MyAccountUseCase myAccount;
  @Autowired UserAdministrationUseCase administration;

  final User user = UserFixtures.aUser().email("ada@example.com").build();
  final Actor me = new Actor(user.id(), user.roles());
  final Actor admin = WebSlice.actor(Role.ADMIN);
  final UserAccount account =
      UserAccount.of(user, Profile.initial(user.id(), user.email(), "Ada", WebSlice.NOW));

  MockHttpServletRequestBuilder as(Actor actor, MockHttpServletRequestBuilder request) {
    return request.with(bearer(actor));
  }

  @Test
  void meAnswersTheCallersAccountWithoutItsPasswordHash() throws Exception {
    given(myAccount.get(me)).willReturn(account);

    mvc.perform(as(me, get("/api/v1/users/me")))
        .andExpect(status().isOk())
        .andExpect(deprecatedV1(null))
        .andExpect(jsonPath("$.data.email", is("ada@example.com")))
        .andExpect(jsonPath("$.data.displayName", is("Ada")))
        .andExpect(jsonPath("$.data.passwordHash").doesNotExist());
  }

  @Test
  void usersExistOnlyInV1() throws Exception {
    mvc.perform(as(me, get("/api/v2/users/me"))).andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(as(me, get("/api/v3/users/me"))).andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(as(me, get("/api/v1.5/users/me"))).andExpect(problem(404, "NOT_FOUND"));
    verifyNoInteractions(myAccount);
  }

  @Test
  void profileUpdatesAreValidatedBeforeTheUseCase() throws Exception {
    mvc.perform(json(as(me, patch("/api/v1/users/me")), "{\"displayName\":\"   \"}"))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("displayName")));
    mvc.perform(json(as(me, patch("/api/v1/users/me")), "{\"timeZone\":\"Mars/Olympus\"}"))
        .andExpect(problem(400, "VALIDATION_FAILED"));
    verifyNoInteractions(myAccount);
  }

  @Test
  void aValidProfileUpdateReachesTheUseCase() throws Exception {
    given(myAccount.updateProfile(eq(me), any())).willReturn(account);

    mvc.perform(json(as(me, patch("/api/v1/users/me")), "{\"timeZone\":\"Europe/Paris\"}"))
        .andExpect(status().isOk());
    then(myAccount)
        .should()
        .updateProfile(
            me, new UpdateProfileCommand(Optional.empty(), Optional.of(ZoneId.of("Europe/Paris"))));
  }

  @Test
  void aPasswordChangeAnswers204AndAShortPasswordIsA400() throws Exception {
    mvc.perform(
            json(
                as(me, post("/api/v1/users/me/password")),
                "{\"currentPassword\":\"old password 1\",\"newPassword\":\"short\"}"))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("newPassword")));
    verifyNoInteractions(myAccount);

    mvc.perform(
            json(
                as(me, post("/api/v1/users/me/password")),
                "{\"currentPassword\":\"old password 1\",\"newPassword\":\"a new password 2\"}"))
        .andExpect(status().isNoContent());
    ArgumentCaptor<ChangePasswordCommand> command =
        ArgumentCaptor.forClass(ChangePasswordCommand.class);
    then(myAccount).should().changePassword(eq(me), command.capture());
    org.assertj.core.api.Assertions.assertThat(command.getValue().newPassword().value())
        .isEqualTo("a new password 2");
  }

  @Test
  void disablingAUserNeedsTheAdminRoleInTheChainItself() throws Exception {
    mvc.perform(as(me, post("/api/v1/users/{id}/disable", user.id().value())))
        .andExpect(problem(403, "FORBIDDEN"))
        .andExpect(deprecatedV1(null));
    verifyNoInteractions(administration);

    given(administration.disable(admin, user.id())).willReturn(account);
    mvc.perform(as(admin, post("/api/v1/users/{id}/disable", user.id().value())))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data.id", is(user.id().toString())));
  }

  @Test
  void rolesMustBeANonEmptyListOfKnownRoles() throws Exception {
    for (String body : List.of("{\"roles\":[]}", "{\"roles\":null}", "{}")) {
      mvc.perform(json(as(admin, patch("/api/v1/users/{id}/roles", user.id().value())), body))
          .andExpect(problem(400, "VALIDATION_FAILED"))
          .andExpect(jsonPath("$.errors[0].field", is("roles")));
    }
    mvc.perform(
            json(
                as(admin, patch("/api/v1/users/{id}/roles", user.id().value())),
                "{\"roles\":[\"ROOT\"]}"))
        .andExpect(problem(400, "TYPE_MISMATCH"));
    verifyNoInteractions(administration);
  }

  @Test
  void theUseCaseDecidesWhoListsAndChangesRoles() throws Exception {
    given(administration.list(eq(me), any())).willThrow(new ForbiddenException("user:manage"));
    given(administration.list(eq(admin), any())).willReturn(new Page<>(List.of(account), 1, 20, 1));
    given(administration.changeRoles(admin, user.id(), EnumSet.of(Role.MANAGER)))
        .willReturn(account);

    mvc.perform(as(me, get("/api/v1/users"))).andExpect(problem(403, "FORBIDDEN"));
    mvc.perform(as(admin, get("/api/v1/users")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.meta.total", is(1)));
    mvc.perform(
            json(
                as(admin, patch("/api/v1/users/{id}/roles", user.id().value())),
                "{\"roles\":[\"MANAGER\"]}"))
        .andExpect(status().isOk());
  }
}
