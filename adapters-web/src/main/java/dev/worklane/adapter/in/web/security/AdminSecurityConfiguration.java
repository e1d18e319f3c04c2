package dev.worklane.adapter.in.web.security;

import dev.worklane.adapter.in.web.error.ProblemWriter;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.UserIdMdcFilter;
import dev.worklane.adapter.in.web.support.WebSettings;
import dev.worklane.application.port.out.RateLimiter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * The admin area's filter chain ({@code /admin/**}), ahead of the API chain: browser sessions of
 * admins only, CSRF on every unsafe request, no bearer tokens.
 */
@Configuration(proxyBeanMethods = false)
public class AdminSecurityConfiguration {

  /**
   * The queue dashboard's policy: its own script, style sheet and JSON API, nothing inline, no
   * framing. No upgrade-insecure-requests: HSTS covers production, and plain-HTTP local runs must
   * still reach their own API.
   */
  static final String ADMIN_CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
          + "frame-ancestors 'none'; object-src 'none'";

  /**
   * The admin area ({@code /admin/**}, SPEC §4 and §6.2), ahead of the API chain: browser sessions
   * only (any {@code Authorization} header is refused, no bearer authentication is configured), the
   * ADMIN role only, the CSRF token on every unsafe request whatever it carries, no session ever
   * created here, and a CSP that allows nothing but this origin's own script, style and fetches.
   * Without a session the answer is a 401 problem, for the page as for the JSON API.
   */
  @Bean
  @Order(1)
  SecurityFilterChain adminFilterChain(
      HttpSecurity http,
      ProblemWriter problems,
      SessionSecurityContextRepository sessionContexts,
      CsrfTokenRepository csrfTokens,
      ObjectProvider<RateLimiter> rateLimiter,
      WebSettings webSettings)
      throws Exception {
    ProblemAccessDeniedHandler accessDenied = new ProblemAccessDeniedHandler(problems);
    AuthenticationEntryPoint entryPoint =
        (request, response, ex) -> {
          if (isDashboardPage(request)) {
            // A person with a browser: to the login form, which comes back here.
            response.sendRedirect(ApiPaths.ADMIN_LOGIN);
            return;
          }
          problems.write(
              request,
              response,
              HttpStatus.UNAUTHORIZED,
              "UNAUTHENTICATED",
              "Log in with a browser session (POST " + ApiPaths.V1_SESSION + ") as an admin");
        };
    http.securityMatcher(ApiPaths.ADMIN_ALL)
        // Same synchronizer token as the API chain (GET /api/v1/auth/csrf), but required on every
        // unsafe method: there is no bearer exemption to make here.
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens)
                    .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        .sessionManagement(
            s ->
                s.sessionCreationPolicy(SessionCreationPolicy.NEVER)
                    .sessionFixation(fixation -> fixation.none()))
        .securityContext(context -> context.securityContextRepository(sessionContexts))
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .anonymous(anonymous -> {})
        .authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        HttpMethod.GET, ApiPaths.ADMIN_LOGIN, ApiPaths.ADMIN_LOGIN + "/**")
                    .permitAll()
                    .anyRequest()
                    .hasRole("ADMIN"))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
        .addFilterBefore(new SessionOnlyFilter(problems), CsrfFilter.class)
        .addFilterBefore(new UserIdMdcFilter(), AuthorizationFilter.class)
        .headers(
            headers -> {
              SecurityConfiguration.securityHeaders(headers, ADMIN_CONTENT_SECURITY_POLICY);
              headers.frameOptions(frame -> frame.deny()); // as frame-ancestors 'none' says
            });
    RateLimitFilter.Stages limits = RateLimitFilter.stages(rateLimiter, webSettings, problems);
    if (limits != null) {
      http.addFilterBefore(limits.beforeAuthentication(), SessionOnlyFilter.class)
          .addFilterBefore(limits.afterAuthentication(), AuthorizationFilter.class);
    }
    return http.build();
  }

  /** The dashboard's HTML page itself (not its API or assets), asked for by a browser. */
  static boolean isDashboardPage(jakarta.servlet.http.HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "GET".equals(request.getMethod())
        && (ApiPaths.ADMIN_QUEUES.equals(path) || (ApiPaths.ADMIN_QUEUES + "/").equals(path));
  }
}
