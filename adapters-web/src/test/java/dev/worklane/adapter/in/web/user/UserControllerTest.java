package dev.worklane.adapter.in.web.user;

import static dev.worklane.adapter.in.web.WebSlice.deprecatedV1;
import static dev.worklane.adapter.in.web.WebSlice.problem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklane.adapter.in.web.WebSlice;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.user.AvatarUseCase;
import dev.worklane.application.port.in.user.ChangePasswordCommand;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import dev.worklane.application.port.in.user.SetAvatarCommand;
import dev.worklane.application.port.in.user.UpdateProfileCommand;
import dev.worklane.application.port.in.user.UserAccount;
import dev.worklane.application.port.in.user.UserAdministrationUseCase;
import dev.worklane.application.port.model.Page;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.common.PayloadTooLargeException;
import dev.worklane.domain.common.UnsupportedMediaTypeException;
import dev.worklane.domain.fixtures.UserFixtures;
import dev.worklane.domain.user.AvatarFormat;
import dev.worklane.domain.user.Profile;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.User;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebSlice.Context
class UserControllerTest extends WebSlice {
  @Autowired MyAccountUseCase myAccount;
  @Autowired AvatarUseCase avatars;
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
        .andExpect(deprecatedV1("/api/v2/users/me"))
        .andExpect(jsonPath("$.data.email", is("ada@example.com")))
        .andExpect(jsonPath("$.data.displayName", is("Ada")))
        .andExpect(jsonPath("$.data.avatarUrl").value(nullValue()))
        .andExpect(jsonPath("$.data.passwordHash").doesNotExist());
    mvc.perform(as(me, get("/api/v2/users/me")))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Deprecation"))
        .andExpect(jsonPath("$.data.email", is("ada@example.com")));
  }

  @Test
  void theAvatarUrlIsWhereTheUseCaseSaysAnyoneFetchesIt() throws Exception {
    UserAccount withAvatar =
        UserAccount.of(
            user,
            new Profile(
                user.id(),
                "Ada",
                ZoneId.of("UTC"),
                "avatars/" + user.id() + "/a.png",
                WebSlice.NOW));
    given(myAccount.get(me)).willReturn(withAvatar);
    given(avatars.avatarUrl(withAvatar.profile()))
        .willReturn(Optional.of(URI.create("https://cdn.example.com/avatars/a.png")));

    mvc.perform(as(me, get("/api/v2/users/me")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.data.avatarUrl", is("https://cdn.example.com/avatars/a.png")));
  }

  @Test
  void theAdministrationOfUsersExistsOnlyInV1() throws Exception {
    mvc.perform(as(admin, get("/api/v2/users"))).andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(
            json(
                as(me, post("/api/v2/users/me/password")),
                "{\"currentPassword\":\"old password 1\",\"newPassword\":\"a new password 2\"}"))
        .andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(as(me, get("/api/v3/users/me"))).andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(as(me, get("/api/v1.5/users/me"))).andExpect(problem(404, "NOT_FOUND"));
    verifyNoInteractions(myAccount, administration);
  }

  @Test
  void anAvatarUploadStreamsTheFilePartToTheUseCaseInBothVersions() throws Exception {
    byte[] image = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    AtomicReference<byte[]> received = new AtomicReference<>();
    given(avatars.setAvatar(eq(me), any()))
        .willAnswer(
            inv -> {
              received.set(inv.<SetAvatarCommand>getArgument(1).content().readAllBytes());
              return account;
            });

    for (String version : List.of("v1", "v2")) {
      received.set(null);
      mvc.perform(
              upload(
                  as(me, put("/api/" + version + "/users/me/avatar")),
                  field("note", "ignored") + fileHead("file", "me.png", "image/png"),
                  image))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.data.email", is("ada@example.com")));
      org.assertj.core.api.Assertions.assertThat(received.get()).as(version).isEqualTo(image);
    }
  }

  @Test
  void anAvatarUploadWithoutAFilePartIsA400AndNotMultipartA415() throws Exception {
    mvc.perform(
            upload(
                as(me, put("/api/v1/users/me/avatar")),
                fileHead("picture", "me.png", "image/png"),
                new byte[] {1}))
        .andExpect(problem(400, "VALIDATION_FAILED"))
        .andExpect(jsonPath("$.errors[0].field", is("file")));
    mvc.perform(
            as(me, put("/api/v1/users/me/avatar"))
                .contentType(MediaType.IMAGE_PNG)
                .content(new byte[] {1}))
        .andExpect(problem(415, "UNSUPPORTED_MEDIA_TYPE"));
    verifyNoInteractions(avatars);
  }

  @Test
  void aDeclaredBodyFarAboveTwoMebibytesIsRefusedBeforeTheUseCase() throws Exception {
    mvc.perform(
            upload(
                as(me, put("/api/v2/users/me/avatar")),
                fileHead("file", "big.png", "image/png"),
                new byte[AvatarFormat.MAX_BYTES + 70_000]))
        .andExpect(problem(413, "PAYLOAD_TOO_LARGE"));
    verifyNoInteractions(avatars);
  }

  @Test
  void whatTheUseCaseRefusesIsA413OrA415() throws Exception {
    given(avatars.setAvatar(eq(me), any()))
        .willThrow(new PayloadTooLargeException("file", AvatarFormat.MAX_BYTES))
        .willThrow(new UnsupportedMediaTypeException("file", "text/html"));

    mvc.perform(
            upload(
                as(me, put("/api/v2/users/me/avatar")),
                fileHead("file", "me.png", "image/png"),
                new byte[] {1}))
        .andExpect(problem(413, "PAYLOAD_TOO_LARGE"));
    mvc.perform(
            upload(
                as(me, put("/api/v2/users/me/avatar")),
                fileHead("file", "avatar.png", "image/png"),
                "<html>".getBytes(StandardCharsets.UTF_8)))
        .andExpect(problem(415, "UNSUPPORTED_MEDIA_TYPE"))
        .andExpect(jsonPath("$.errors[0].field", is("file")));
  }

  @Test
  void deletingTheAvatarAnswers204InBothVersions() throws Exception {
    mvc.perform(as(me, delete("/api/v1/users/me/avatar"))).andExpect(status().isNoContent());
    mvc.perform(as(me, delete("/api/v2/users/me/avatar"))).andExpect(status().isNoContent());
    then(avatars).should(times(2)).removeAvatar(me);
  }

  @Test
  void theAvatarEndpointsNeedAuthentication() throws Exception {
    mvc.perform(delete("/api/v2/users/me/avatar")).andExpect(problem(401, "UNAUTHENTICATED"));
    mvc.perform(
            upload(
                put("/api/v2/users/me/avatar"),
                fileHead("file", "me.png", "image/png"),
                new byte[1]))
        .andExpect(problem(401, "UNAUTHENTICATED"));
    verifyNoInteractions(avatars);
  }

  static final String BOUNDARY = "avatar-b0undary";

  /** A raw multipart/form-data body, as a client sends it: {@code head}, the file, the end. */
  static MockHttpServletRequestBuilder upload(
      MockHttpServletRequestBuilder request, String head, byte[] file) {
    byte[] start = head.getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(file, 0, body, start.length, file.length);
    System.arraycopy(end, 0, body, start.length + file.length, end.length);
    return request.contentType("multipart/form-data; boundary=" + BOUNDARY).content(body);
  }

  static String field(String name, String value) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  static String fileHead(String name, String fileName, String type) {
    return "--"
        + BOUNDARY
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"; filename=\""
        + fileName
        + "\"\r\nContent-Type: "
        + type
        + "\r\n\r\n";
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
