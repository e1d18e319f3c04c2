package dev.worklane.adapter.in.web.project;

import static dev.worklane.adapter.in.web.WebSlice.problem;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.worklane.adapter.in.web.WebSlice;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.project.AddMemberCommand;
import dev.worklane.application.port.in.project.MemberView;
import dev.worklane.application.port.in.project.ProjectMembersUseCase;
import dev.worklane.application.port.model.CursorPage;
import dev.worklane.application.port.model.CursorRequest;
import dev.worklane.application.port.model.Page;
import dev.worklane.application.port.model.PageRequest;
import dev.worklane.domain.common.ConflictException;
import dev.worklane.domain.common.ForbiddenException;
import dev.worklane.domain.project.ProjectId;
import dev.worklane.domain.project.ProjectMember;
import dev.worklane.domain.project.ProjectRole;
import dev.worklane.domain.user.UserId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@WebSlice.Context
class ProjectMemberControllerTest extends WebSlice {
  @Autowired ProjectMembersUseCase useCase;

  final ProjectId project = ProjectId.random();
  final String members = "/api/{version}/projects/" + project.value() + "/members";
  final UserId newcomer = UserId.random();
  final Actor owner = WebSlice.actor();
  final MemberView member =
      new MemberView(
          new ProjectMember(project, newcomer, ProjectRole.MEMBER, WebSlice.NOW), "Grace");

  MockHttpServletRequestBuilder authed(MockHttpServletRequestBuilder request) {
    return request.with(bearer(owner));
  }

  @Test
  void addAnswers201WithTheMember() throws Exception {
    given(useCase.add(owner, project, new AddMemberCommand(newcomer, null))).willReturn(member);

    mvc.perform(json(authed(post(members, "v2")), "{\"userId\":\"" + newcomer + "\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.data.userId", is(newcomer.toString())))
        .andExpect(jsonPath("$.data.role", is("MEMBER")))
        .andExpect(jsonPath("$.data.displayName", is("Grace")));
  }

  @Test
  void anUnknownRoleOrABadUserIdIsA400() throws Exception {
    mvc.perform(
            json(
                authed(post(members, "v1")), "{\"userId\":\"" + newcomer + "\",\"role\":\"KING\"}"))
        .andExpect(problem(400, "TYPE_MISMATCH"))
        .andExpect(jsonPath("$.errors[0].field", is("role")));
    mvc.perform(json(authed(post(members, "v1")), "{\"userId\":\"nobody\"}"))
        .andExpect(problem(400, "TYPE_MISMATCH"))
        .andExpect(jsonPath("$.errors[0].field", is("userId")));
    mvc.perform(authed(delete(members + "/not-a-uuid", "v2")))
        .andExpect(problem(400, "INVALID_PARAMETER"))
        .andExpect(jsonPath("$.errors[0].field", is("userId")));
    verifyNoInteractions(useCase);
  }

  @Test
  void v1ListsOffsetPagesAndV2CursorPages() throws Exception {
    given(useCase.list(eq(owner), eq(project), any(PageRequest.class)))
        .willReturn(new Page<>(List.of(member), 1, 20, 1));
    given(useCase.list(eq(owner), eq(project), any(CursorRequest.class)))
        .willReturn(new CursorPage<>(List.of(member), 20, null));

    mvc.perform(authed(get(members, "v1")))
        .andExpect(status().isOk())
        .andExpect(header().exists("Deprecation"))
        .andExpect(jsonPath("$.meta.total", is(1)))
        .andExpect(jsonPath("$.data[0].displayName", is("Grace")));
    mvc.perform(authed(get(members, "v2")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.meta.total").doesNotExist())
        .andExpect(jsonPath("$.meta.perPage", is(20)));
  }

  @Test
  void removingTheLastOwnerIs409AndAStrangerGets403() throws Exception {
    willThrow(new ConflictException("LAST_OWNER", "A project keeps at least one owner"))
        .given(useCase)
        .remove(owner, project, owner.userId());
    willThrow(new ForbiddenException("project:manage-members"))
        .given(useCase)
        .remove(owner, project, newcomer);

    mvc.perform(authed(delete(members + "/" + owner.userId(), "v2")))
        .andExpect(problem(409, "LAST_OWNER"));
    mvc.perform(authed(delete(members + "/" + newcomer, "v1")))
        .andExpect(problem(403, "FORBIDDEN"));
  }

  @Test
  void removeAnswers204() throws Exception {
    mvc.perform(authed(delete(members + "/" + newcomer, "v2"))).andExpect(status().isNoContent());
    then(useCase).should().remove(owner, project, newcomer);
  }

  @Test
  void unsupportedVersionsAre404Problems() throws Exception {
    mvc.perform(authed(get(members, "v3"))).andExpect(problem(404, "NOT_FOUND"));
    mvc.perform(authed(get(members, "v1.5"))).andExpect(problem(404, "NOT_FOUND"));
    verifyNoInteractions(useCase);
  }
}
