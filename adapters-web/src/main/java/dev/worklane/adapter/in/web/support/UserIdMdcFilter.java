package dev.worklane.adapter.in.web.support;

import dev.worklane.application.port.in.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/** Runs inside the security chain, after authentication: adds the caller's user id to the MDC. */
public class UserIdMdcFilter extends OncePerRequestFilter {
  public static final String MDC_KEY = "userId";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken jwt) {
      MDC.put(MDC_KEY, jwt.getToken().getSubject());
    } else if (auth != null && auth.getPrincipal() instanceof Actor actor) {
      MDC.put(MDC_KEY, actor.userId().toString());
    }
    chain.doFilter(request, response);
  }
}
