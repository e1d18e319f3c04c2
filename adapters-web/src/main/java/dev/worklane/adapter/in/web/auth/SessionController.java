package dev.worklane.adapter.in.web.auth;

import dev.worklane.adapter.in.web.openapi.Problems;
import dev.worklane.adapter.in.web.security.ClientKeys;
import dev.worklane.adapter.in.web.security.SessionAuthentication;
import dev.worklane.adapter.in.web.security.SessionSecurityContextRepository;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.ApiResponse;
import dev.worklane.adapter.in.web.support.ApiVersioning;
import dev.worklane.adapter.in.web.support.Envelopes;
import dev.worklane.adapter.in.web.user.UserResponse;
import dev.worklane.adapter.in.web.user.UserWebMapper;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.in.auth.AuthenticationUseCase;
import dev.worklane.application.port.in.auth.LoginCommand;
import dev.worklane.application.port.in.auth.LogoutCommand;
import dev.worklane.application.port.in.auth.SessionLogin;
import dev.worklane.application.port.in.user.MyAccountUseCase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Browser sessions: log in with JSON or a form post, get the CSRF token, log out. The session lives
 * in Redis (Spring Session), so any instance serves it; its id is rotated at login.
 */
@RestController
@RequestMapping(
    path = ApiPaths.VERSIONED + ApiPaths.AUTH,
    version = ApiVersioning.V1,
    produces = MediaType.APPLICATION_JSON_VALUE)
public class SessionController {
  private final AuthenticationUseCase authentication;
  private final MyAccountUseCase myAccount;
  private final SessionSecurityContextRepository contexts;
  private final CsrfTokenRepository csrfTokens;
  private final UserWebMapper mapper;
  private final Envelopes envelopes;

  public SessionController(
      AuthenticationUseCase authentication,
      MyAccountUseCase myAccount,
      SessionSecurityContextRepository contexts,
      CsrfTokenRepository csrfTokens,
      UserWebMapper mapper,
      Envelopes envelopes) {
    this.authentication = authentication;
    this.myAccount = myAccount;
    this.contexts = contexts;
    this.csrfTokens = csrfTokens;
    this.mapper = mapper;
    this.envelopes = envelopes;
  }

  @PostMapping(path = "/session", consumes = MediaType.APPLICATION_JSON_VALUE)
  ApiResponse<UserResponse> logInJson(
      @Valid @RequestBody LoginRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    return logIn(body, request, response);
  }

  @PostMapping(path = "/session", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  @Problems(HttpStatus.FORBIDDEN) // CSRF_REJECTED: a form post needs a pre-login CSRF token
  ApiResponse<UserResponse> logInForm(
      @Valid @ModelAttribute LoginRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    return logIn(body, request, response);
  }

  private ApiResponse<UserResponse> logIn(
      LoginRequest body, HttpServletRequest request, HttpServletResponse response) {
    SessionLogin login =
        authentication.authenticate(
            new LoginCommand(
                body.email(), body.password(), ClientKeys.of(request.getRemoteAddr())));
    Actor actor = login.actor();
    request.getSession(true);
    request.changeSessionId(); // session fixation: the pre-login id never becomes authenticated
    csrfTokens.saveToken(null, request, response); // and neither does a pre-login CSRF token
    SecurityContext context =
        SessionSecurityContextRepository.contextOf(
            new SessionAuthentication(actor, login.authenticatedAt()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    return envelopes.of(mapper.toResponse(myAccount.get(actor)));
  }

  @DeleteMapping("/session")
  ResponseEntity<Void> logOut(Actor actor, HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    authentication.logout(actor, LogoutCommand.none());
    return ResponseEntity.noContent().build();
  }

  /**
   * The synchronizer token that session-authenticated unsafe requests send as {@code X-XSRF-TOKEN}.
   */
  @GetMapping("/csrf")
  ApiResponse<CsrfTokenResponse> csrf(HttpServletRequest request) {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    return envelopes.of(new CsrfTokenResponse(token.getHeaderName(), token.getToken()));
  }
}
