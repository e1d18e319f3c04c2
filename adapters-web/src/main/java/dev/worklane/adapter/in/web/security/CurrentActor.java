package dev.worklane.adapter.in.web.security;

import dev.worklane.application.port.in.Actor;
import dev.worklane.domain.common.AuthenticationFailedException;
import dev.worklane.domain.user.Role;
import dev.worklane.domain.user.UserId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a controller's {@link Actor} parameter from the authenticated principal. */
public class CurrentActor implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Actor.class.equals(parameter.getParameterType());
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    return fromContext();
  }

  public static Actor fromContext() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken token) {
      return fromJwt(token.getToken());
    }
    if (auth instanceof SessionAuthentication session) {
      return session.getPrincipal();
    }
    throw new AuthenticationFailedException("UNAUTHENTICATED", "Authentication required");
  }

  static Actor fromJwt(Jwt jwt) {
    List<String> claimed = jwt.getClaimAsStringList(JwtAccessTokenIssuerAdapter.ROLES_CLAIM);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (claimed != null) {
      for (String name : claimed) {
        for (Role role : Role.values()) {
          if (role.name().equals(name)) {
            roles.add(role);
          }
        }
      }
    }
    try {
      return new Actor(UserId.of(jwt.getSubject()), roles);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new AuthenticationFailedException(
          "INVALID_TOKEN", "The access token has no valid subject");
    }
  }
}
