package dev.worklane.adapter.in.web.security;

import dev.worklane.adapter.in.web.error.ProblemWriter;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.UserIdMdcFilter;
import dev.worklane.adapter.in.web.support.WebSettings;
import dev.worklane.application.port.out.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * The API filter chain: bearer JWT ({@link JwtConfiguration}) or a Redis-backed browser session
 * with CSRF protection, distributed rate limits, coarse role checks, helmet-equivalent headers,
 * problem responses for 401/403. Fine-grained permissions are decided by the use cases.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

  /** helmet 8's default Content-Security-Policy, verbatim. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; base-uri 'self'; font-src 'self' https: data:; form-action 'self'; "
          + "frame-ancestors 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; "
          + "script-src-attr 'none'; style-src 'self' https: 'unsafe-inline'; upgrade-insecure-requests";

  static final String[] PUBLIC_AUTH_PATHS = {
    ApiPaths.V1_REGISTER,
    ApiPaths.V1_LOGIN,
    ApiPaths.V1_REFRESH,
    ApiPaths.V1_CSRF,
    ApiPaths.V1_PASSWORD_RESET,
    ApiPaths.V1_PASSWORD_RESET_CONFIRM
  };

  @Bean
  SecurityFilterChain apiFilterChain(
      HttpSecurity http,
      ProblemWriter problems,
      SessionSecurityContextRepository sessionContexts,
      CsrfTokenRepository csrfTokens,
      ObjectProvider<RateLimiter> rateLimiter,
      WebSettings webSettings)
      throws Exception {
    ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint(problems);
    ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);
    // Plain (not XOR-masked) tokens: SPAs send back exactly what GET /auth/csrf returned. The token
    // stays deferred, so a bearer request never creates a session just to hold a CSRF token.
    CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
    http.csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    .csrfTokenRequestHandler(csrfHandler)
                    .requireCsrfProtectionMatcher(ApiSecurityConfiguration::needsCsrfToken))
        // Bearer requests stay stateless; a session exists only after POST /auth/session.
        .sessionManagement(
            s ->
                s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED)
                    .sessionFixation(fixation -> fixation.none()))
        .securityContext(
            context ->
                context.securityContextRepository(
                    new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), sessionContexts)))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .anonymous(anonymous -> {})
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(PUBLIC_AUTH_PATHS)
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, ApiPaths.V1_SESSION)
                    .permitAll()
                    .requestMatchers(ApiPaths.PUBLIC_UNLIMITED.toArray(String[]::new))
                    .permitAll()
                    .requestMatchers("/error")
                    .permitAll()
                    .requestMatchers(ApiPaths.V1_DISABLE_USER)
                    .hasRole("ADMIN")
                    // every version alike: v2 needs no rules of its own
                    .requestMatchers(ApiPaths.ALL)
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(
                        jwt ->
                            jwt.jwtAuthenticationConverter(
                                JwtConfiguration.authenticationConverter()))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
        .addFilterAfter(new UserIdMdcFilter(), BearerTokenAuthenticationFilter.class)
        .headers(
            headers -> SecurityConfiguration.securityHeaders(headers, CONTENT_SECURITY_POLICY));
    RateLimitFilter.Stages limits = RateLimitFilter.stages(rateLimiter, webSettings, problems);
    if (limits != null) {
      http.addFilterBefore(limits.beforeAuthentication(), BearerTokenAuthenticationFilter.class)
          .addFilterAfter(limits.afterAuthentication(), BearerTokenAuthenticationFilter.class);
    }
    return http.build();
  }

  /**
   * CSRF protection where an ambient credential exists: unsafe requests that carry a session cookie
   * and no bearer token. Bearer callers need none; the public auth endpoints need none.
   */
  static boolean needsCsrfToken(HttpServletRequest request) {
    String method = request.getMethod();
    if ("GET".equals(method)
        || "HEAD".equals(method)
        || "OPTIONS".equals(method)
        || "TRACE".equals(method)) {
      return false;
    }
    String path = RateLimitFilter.path(request);
    if ("POST".equals(method) && ApiPaths.V1_SESSION.equals(path)) {
      // A form post is a "simple" cross-site request: without a token another site could log
      // the victim's browser into the attacker's account (login CSRF). JSON needs a preflight.
      String type = request.getContentType();
      return type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded");
    }
    for (String open : PUBLIC_AUTH_PATHS) {
      if (open.equals(path)) {
        return false;
      }
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return request.getRequestedSessionId() != null;
  }
}
