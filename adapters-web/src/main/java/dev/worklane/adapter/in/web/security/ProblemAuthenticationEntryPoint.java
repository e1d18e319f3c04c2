package dev.worklane.adapter.in.web.security;

import dev.worklane.adapter.in.web.error.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as a problem document. The {@code WWW-Authenticate} header comes from Spring's bearer entry
 * point (RFC 6750); the body says whether the token was missing or rejected, never why in detail.
 */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {
  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();
  private final ProblemWriter problems;

  public ProblemAuthenticationEntryPoint(ProblemWriter problems) {
    this.problems = problems;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
      throws IOException {
    bearer.commence(request, response, ex);
    boolean rejected =
        ex instanceof InvalidBearerTokenException
            || ex instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException;
    problems.write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        rejected ? "INVALID_TOKEN" : "UNAUTHENTICATED",
        rejected ? "The access token is invalid or expired" : "Authentication required");
  }
}
