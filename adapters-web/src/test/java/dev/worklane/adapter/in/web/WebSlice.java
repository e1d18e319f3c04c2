package dev.worklane.adapter.in.web;

import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import dev.worklane.adapter.in.web.admin.QueueAdminController;
import dev.worklane.adapter.in.web.attachment.AttachmentController;
import dev.worklane.adapter.in.web.auth.AuthController;
import dev.worklane.adapter.in.web.auth.SessionController;
import dev.worklane.adapter.in.web.error.ProblemWriter;
import dev.worklane.adapter.in.web.file.FileController;
import dev.worklane.adapter.in.web.project.ProjectController;
import dev.worklane.adapter.in.web.project.ProjectMemberController;
import dev.worklane.adapter.in.web.project.ProjectWebMapper;
import dev.worklane.adapter.in.web.report.ReportController;
import dev.worklane.adapter.in.web.report.ReportWebMapper;
import dev.worklane.adapter.in.web.security.AdminSecurityConfiguration;
import dev.worklane.adapter.in.web.security.ApiSecurityConfiguration;
import dev.worklane.adapter.in.web.security.JwtConfiguration;
import dev.worklane.adapter.in.web.security.JwtKeys;
import dev.worklane.adapter.in.web.security.JwtSettings;
import dev.worklane.adapter.in.web.security.SecurityConfiguration;
import dev.worklane.adapter.in.web.security.SessionAuthentication;
import dev.worklane.adapter.in.web.security.SessionSecurityContextRepository;
import dev.worklane.adapter.in.web.security.SessionSettings;
import dev.worklane.adapter.in.web.support.ApiVersionSettings;
import dev.worklane.adapter.in.web.support.CursorCodec;
import dev.worklane.adapter.in.web.support.CursorSecret;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.adapter.in.web.support.WebMvcSettings;
import dev.worklane.adapter.in.web.support.WebSettings;
import dev.worklane.adapter.in.web.task.TaskController;
import dev.worklane.adapter.in.web.task.TaskWebMapper;
import dev.worklane.adapter.in.web.user.AvatarUrls;
import dev.worklane.adapter.in.web.user.UserController;
import dev.worklane.adapter.in.web.user.UserWebMapperImpl;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.attachment.AttachmentUseCase;
import dev.worklane.application.port.in.auth.AuthenticationUseCase;
import dev.worklane.application.port.in.auth.PasswordResetUseCase;
import dev.worklane.application.port.in.auth.RegisterUserUseCase;
import dev.worklane.application.port.in.auth.RevocationCheckUseCase;
import dev.worklane.application.port.in.file.FileDownloadUseCase;
import dev.worklane.application.port.in.project.ProjectMembersUseCase;
import dev.worklane.application.port.in.project.ProjectUseCase;
import dev.worklane.application.port.in.queue.QueueAdministrationUseCase;
import dev.worklane.application.port.in.report.ReportUseCase;
import dev.worklane.application.port.in.task.TaskUseCase;
import dev.worklane.application.port.in.user.AvatarUseCase;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import dev.worklane.application.port.in.user.UserAdministrationUseCase;
import dev.worklane.application.port.out.AccessTokenIssuer;
import dev.worklane.domain.fixtures.UserFixtures;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Shared set-up of the controller slices: the web adapter's own MVC configuration (argument
 * resolvers, API versioning, ProblemHandler, strict JSON, the filters) and its real security
 * chains, with mocked use cases and nothing of the rest of the application. Callers authenticate
 * with a real ES256 access token ({@link #bearer}) or a real browser session ({@link #session}), so
 * a missing, bad or under-privileged credential answers what production answers.
 */
public abstract class WebSlice {
  /** The instant every slice's clock stands at: problem and envelope timestamps show it. */
  public static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private static final SessionSettings SESSIONS = new SessionSettings(Duration.ofDays(7));

  /** v1's configured dates, as the {@code Deprecation} and {@code Sunset} headers write them. */
  public static final LocalDate V1_DEPRECATION = LocalDate.parse("2026-01-01");

  public static final LocalDate V1_SUNSET = LocalDate.parse("2026-09-01");

  @Autowired protected MockMvc mvc;
  @Autowired private AccessTokenIssuer tokens;

  /**
   * The slice every controller test class runs in: one application context for all of them (built
   * once, cached by the test framework), the use cases as Mockito mocks reset after each test.
   */
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @WebMvcTest({
    TaskController.class,
    ProjectController.class,
    ProjectMemberController.class,
    UserController.class,
    AuthController.class,
    SessionController.class,
    QueueAdminController.class,
    AttachmentController.class,
    FileController.class,
    ReportController.class
  })
  @MockitoBean(
      types = {
        TaskUseCase.class,
        ProjectUseCase.class,
        ProjectMembersUseCase.class,
        MyAccountUseCase.class,
        AvatarUseCase.class,
        UserAdministrationUseCase.class,
        RegisterUserUseCase.class,
        AuthenticationUseCase.class,
        PasswordResetUseCase.class,
        QueueAdministrationUseCase.class,
        AttachmentUseCase.class,
        FileDownloadUseCase.class,
        ReportUseCase.class
      })
  @Import(Beans.class)
  public @interface Context {}

  /**
   * The module's own configuration that the slice's filter leaves out (plain configuration classes
   * and components: filters, security chains, strict JSON, mappers), plus what bootstrap supplies
   * in production: settings, a clock, the revocation check.
   */
  @TestConfiguration(proxyBeanMethods = false)
  @Import({
    WebFilters.class,
    SecurityConfiguration.class,
    ApiSecurityConfiguration.class,
    AdminSecurityConfiguration.class,
    JwtConfiguration.class,
    WebMvcSettings.class,
    ProblemWriter.class,
    Envelopes.class,
    TaskWebMapper.class,
    ProjectWebMapper.class,
    UserWebMapperImpl.class,
    AvatarUrls.class,
    ReportWebMapper.class
  })
  static class Beans {

    @Bean
    Clock clock() {
      return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    SessionSettings sessionSettings() {
      return SESSIONS;
    }

    @Bean
    JwtSettings jwtSettings() throws JOSEException {
      return new JwtSettings(
          "https://worklane.test",
          "worklane-api",
          Duration.ofMinutes(15),
          new JWKSet(JwtKeys.generate()).toString(false),
          null,
          false,
          null,
          null);
    }

    @Bean
    WebSettings webSettings() {
      return new WebSettings(1_048_576, false);
    }

    @Bean
    ApiVersionSettings apiVersionSettings() {
      return new ApiVersionSettings(V1_DEPRECATION, V1_SUNSET);
    }

    @Bean
    CursorCodec cursorCodec() {
      return new CursorCodec(CursorSecret.load("slice-test-cursor-secret-of-32-characters", null));
    }

    /** Nothing is revoked: revocation itself is the use case's business, tested there. */
    @Bean
    RevocationCheckUseCase revocationCheck() {
      return (tokenId, sessionId, userId, issuedAt) -> false;
    }
  }

  /** A caller with these roles (USER when none). */
  public static Actor actor(Role... roles) {
    return new Actor(
        UserId.random(), roles.length == 0 ? EnumSet.of(Role.USER) : EnumSet.of(roles[0], roles));
  }

  /** {@code Authorization: Bearer …} with a token the application's own issuer signed. */
  protected RequestPostProcessor bearer(Actor actor) {
    String token =
        tokens.issue(
            UserFixtures.aUser()
                .id(actor.userId())
                .roles(actor.roles().toArray(Role[]::new))
                .build(),
            UUID.randomUUID(),
            // the decoder checks exp against the real clock, not the slice's fixed one
            Instant.now());
    return request -> {
      request.addHeader("Authorization", "Bearer " + token);
      return request;
    };
  }

  /** The request with a JSON body. */
  protected static MockHttpServletRequestBuilder json(
      MockHttpServletRequestBuilder request, String body) {
    return request.contentType(MediaType.APPLICATION_JSON).content(body);
  }

  /** A browser session as POST /auth/session stores it, for the session-only admin area. */
  public static RequestPostProcessor session(Actor actor) {
    MockHttpSession session = new MockHttpSession();
    MockHttpServletRequest login = new MockHttpServletRequest();
    login.setSession(session);
    new SessionSecurityContextRepository(
            (tokenId, sessionId, userId, issuedAt) -> false,
            SESSIONS,
            Clock.fixed(NOW, ZoneOffset.UTC))
        .saveContext(
            SessionSecurityContextRepository.contextOf(new SessionAuthentication(actor, NOW)),
            login,
            new MockHttpServletResponse());
    return cookie(session);
  }

  /**
   * The request as a browser sends it: with this session's cookie, so the session was asked for.
   */
  public static RequestPostProcessor cookie(MockHttpSession session) {
    return request -> {
      request.setSession(session);
      request.setRequestedSessionId(session.getId());
      request.setRequestedSessionIdFromCookie(true);
      return request;
    };
  }

  /** An RFC 9457 problem as ProblemWriter shapes it, with this status and code. */
  public static ResultMatcher problem(int status, String code) {
    return result -> {
      status().is(status).match(result);
      content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).match(result);
      jsonPath("$.status", is(status)).match(result);
      jsonPath("$.code", is(code)).match(result);
      jsonPath("$.type", is("urn:worklane:problem:" + code.toLowerCase().replace('_', '-')))
          .match(result);
      jsonPath("$.title").isString().match(result);
      jsonPath("$.detail").isString().match(result);
      jsonPath("$.instance", is(result.getRequest().getRequestURI())).match(result);
      jsonPath("$.requestId").isString().match(result);
      jsonPath("$.timestamp", is(NOW.toString())).match(result);
    };
  }

  /** v1's deprecation headers (RFC 9745, RFC 8594) and, where v2 serves the path, its successor. */
  public static ResultMatcher deprecatedV1(String successor) {
    return result -> {
      // RFC 9745: the deprecation date as "@" and its epoch seconds (2026-01-01T00:00:00Z)
      header().string("Deprecation", "@1767225600").match(result);
      header().string("Sunset", "Tue, 01 Sep 2026 00:00:00 GMT").match(result);
      if (successor == null) {
        header().doesNotExist("Link").match(result);
      } else {
        header().string("Link", "<" + successor + ">; rel=\"successor-version\"").match(result);
      }
    };
  }
}
