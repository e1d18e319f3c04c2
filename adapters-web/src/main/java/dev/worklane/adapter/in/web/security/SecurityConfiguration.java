package dev.worklane.adapter.in.web.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.worklane.adapter.in.web.error.ProblemWriter;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.UserIdMdcFilter;
import dev.worklane.adapter.in.web.support.WebSettings;
import dev.worklane.application.port.in.auth.RevocationCheckUseCase;
import dev.worklane.application.port.out.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter.HeaderValue;

/**
 * The API filter chain: bearer JWT (ES256 pinned; iss, aud, exp, iat, jti, revocation checked) or a
 * Redis-backed browser session with CSRF protection, distributed rate limits, coarse role checks
 * with the ADMIN &gt; MANAGER &gt; USER hierarchy, helmet-equivalent headers, problem responses for
 * 401/403. Fine-grained permissions are decided by the use cases.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  /** helmet 8's default Content-Security-Policy, verbatim. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; base-uri 'self'; font-src 'self' https: data:; form-action 'self'; "
          + "frame-ancestors 'self'; img-src 'self' data:; object-src 'none'; script-src 'self'; "
          + "script-src-attr 'none'; style-src 'self' https: 'unsafe-inline'; upgrade-insecure-requests";

  /**
   * The queue dashboard's policy: its own script, style sheet and JSON API, nothing inline, no
   * framing. No upgrade-insecure-requests: HSTS covers production, and plain-HTTP local runs must
   * still reach their own API.
   */
  static final String ADMIN_CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
          + "frame-ancestors 'none'; object-src 'none'";

  static final String[] PUBLIC_AUTH_PATHS = {
    ApiPaths.V1_REGISTER,
    ApiPaths.V1_LOGIN,
    ApiPaths.V1_REFRESH,
    ApiPaths.V1_CSRF,
    ApiPaths.V1_PASSWORD_RESET,
    ApiPaths.V1_PASSWORD_RESET_CONFIRM
  };

  /**
   * No observation per security filter: they duplicate {@code http.server.requests} and cost about
   * 6 % of an authenticated request (JFR, bench/users-me.sh). HTTP metrics are unaffected.
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

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
              securityHeaders(headers, ADMIN_CONTENT_SECURITY_POLICY);
              headers.frameOptions(frame -> frame.deny()); // as frame-ancestors 'none' says
            });
    RateLimiter limiter = rateLimiter.getIfAvailable();
    if (webSettings.rateLimitsEnabled() && limiter != null) {
      http.addFilterBefore(
              new RateLimitFilter(limiter, problems, RateLimitFilter.Stage.BEFORE_AUTHENTICATION),
              SessionOnlyFilter.class)
          .addFilterBefore(
              new RateLimitFilter(limiter, problems, RateLimitFilter.Stage.AFTER_AUTHENTICATION),
              AuthorizationFilter.class);
    }
    return http.build();
  }

  /** The dashboard's HTML page itself (not its API or assets), asked for by a browser. */
  static boolean isDashboardPage(jakarta.servlet.http.HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "GET".equals(request.getMethod())
        && (ApiPaths.ADMIN_QUEUES.equals(path) || (ApiPaths.ADMIN_QUEUES + "/").equals(path));
  }

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
                    .requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
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
                    .requestMatchers("/.well-known/jwks.json", "/health", "/ready", "/error")
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
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(authenticationConverter()))
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(accessDenied))
        .exceptionHandling(
            ex -> ex.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
        .addFilterAfter(new UserIdMdcFilter(), BearerTokenAuthenticationFilter.class)
        .headers(headers -> securityHeaders(headers, CONTENT_SECURITY_POLICY));
    RateLimiter limiter = rateLimiter.getIfAvailable();
    if (webSettings.rateLimitsEnabled() && limiter != null) {
      http.addFilterBefore(
              new RateLimitFilter(limiter, problems, RateLimitFilter.Stage.BEFORE_AUTHENTICATION),
              BearerTokenAuthenticationFilter.class)
          .addFilterAfter(
              new RateLimitFilter(limiter, problems, RateLimitFilter.Stage.AFTER_AUTHENTICATION),
              BearerTokenAuthenticationFilter.class);
    }
    return http.build();
  }

  /** helmet's headers; each chain brings its own Content-Security-Policy. */
  private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers, String policy) {
    headers
        .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
        .crossOriginOpenerPolicy(c -> c.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
        .crossOriginResourcePolicy(c -> c.policy(CrossOriginResourcePolicy.SAME_ORIGIN))
        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
        // Written only for requests that arrived over HTTPS (directly or via a trusted proxy).
        .httpStrictTransportSecurity(
            hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
        .frameOptions(frame -> frame.sameOrigin())
        .xssProtection(xss -> xss.headerValue(HeaderValue.DISABLED))
        .contentTypeOptions(nosniff -> {})
        .addHeaderWriter(new StaticHeadersWriter("Origin-Agent-Cluster", "?1"))
        .addHeaderWriter(new StaticHeadersWriter("X-DNS-Prefetch-Control", "off"))
        .addHeaderWriter(new StaticHeadersWriter("X-Download-Options", "noopen"))
        .addHeaderWriter(new StaticHeadersWriter("X-Permitted-Cross-Domain-Policies", "none"));
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

  @Bean
  CsrfTokenRepository csrfTokenRepository() {
    return new SessionOrCookieCsrfTokenRepository();
  }

  @Bean
  SessionSecurityContextRepository sessionSecurityContextRepository(
      RevocationCheckUseCase revocations, SessionSettings sessions, Clock clock) {
    return new SessionSecurityContextRepository(revocations, sessions, clock);
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_MANAGER\nROLE_MANAGER > ROLE_USER");
  }

  @Bean
  JwtKeys jwtKeys(JwtSettings settings) {
    return JwtKeys.load(settings);
  }

  @Bean
  JwtEncoder jwtEncoder(JwtKeys keys) {
    return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(keys.signingKey())));
  }

  @Bean
  JwtAccessTokenIssuerAdapter accessTokenIssuer(
      JwtEncoder encoder, JwtKeys keys, JwtSettings settings) {
    return new JwtAccessTokenIssuerAdapter(encoder, keys, settings);
  }

  /** Verification (cached per token) plus a revocation check on every request. */
  @Bean
  JwtDecoder jwtDecoder(
      JwtKeys keys, JwtSettings settings, RevocationCheckUseCase revocations, Clock clock) {
    return new CachingJwtDecoder(
        jwtDecoder(keys, settings),
        new RevokedTokenValidator(revocations),
        50_000,
        Duration.ofMinutes(5),
        clock);
  }

  /** Signature, algorithm and claim checks only (no revocation lookup). */
  JwtDecoder jwtDecoder(JwtKeys keys, JwtSettings settings) {
    NimbusJwtDecoder decoder =
        settings.jwkSetUri() != null
            ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build()
            : NimbusJwtDecoder.withJwkSource(
                    new ImmutableJWKSet<SecurityContext>(keys.publicKeys()))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
    decoder.setJwtValidator(validator(settings));
    return decoder;
  }

  static OAuth2TokenValidator<Jwt> validator(JwtSettings settings) {
    return new DelegatingOAuth2TokenValidator<>(
        List.of(
            new JwtTimestampValidator(),
            new JwtIssuerValidator(settings.issuer()),
            new JwtAudienceValidator(settings.audience()),
            new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
            new JwtClaimValidator<>(JwtClaimNames.IAT, Objects::nonNull),
            new JwtClaimValidator<String>(JwtClaimNames.JTI, jti -> jti != null && !jti.isBlank()),
            new JwtClaimValidator<String>(JwtClaimNames.SUB, SecurityConfiguration::isUuid)));
  }

  private static boolean isUuid(String value) {
    try {
      return value != null && UUID.fromString(value).toString().equalsIgnoreCase(value);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static JwtAuthenticationConverter authenticationConverter() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(JwtAccessTokenIssuerAdapter.ROLES_CLAIM);
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    return converter;
  }
}
