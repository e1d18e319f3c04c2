package dev.worklane.adapter.in.web.security;

import dev.worklane.application.port.in.auth.RevocationCheckUseCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter.CrossOriginResourcePolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter.HeaderValue;

/**
 * What the web adapter's security chains share: Spring Security switched on, helmet-equivalent
 * headers, the CSRF token store, the session-backed security context and the ADMIN &gt; MANAGER
 * &gt; USER hierarchy. The chains themselves: {@link AdminSecurityConfiguration} (the admin area,
 * first) and {@link ApiSecurityConfiguration} (everything else); tokens: {@link JwtConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  /**
   * No observation per security filter: they duplicate {@code http.server.requests} and cost about
   * 6 % of an authenticated request (JFR, bench/users-me.sh). HTTP metrics are unaffected.
   */
  @Bean
  static SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** helmet's headers; each chain brings its own Content-Security-Policy. */
  static void securityHeaders(HeadersConfigurer<HttpSecurity> headers, String policy) {
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

  /** The pre-login CSRF cookie follows the session cookie's {@code __Host-} prefix (prod). */
  @Bean
  CsrfTokenRepository csrfTokenRepository(
      @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookie) {
    return new SessionOrCookieCsrfTokenRepository(
        SessionOrCookieCsrfTokenRepository.hostPrefixed(sessionCookie));
  }

  @Bean
  SessionSecurityContextRepository sessionSecurityContextRepository(
      RevocationCheckUseCase revocations) {
    return new SessionSecurityContextRepository(revocations);
  }

  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy("ROLE_ADMIN > ROLE_MANAGER\nROLE_MANAGER > ROLE_USER");
  }
}
