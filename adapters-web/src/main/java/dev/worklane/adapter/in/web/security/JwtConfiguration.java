package dev.worklane.adapter.in.web.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import dev.worklane.application.port.in.auth.RevocationCheckUseCase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

/**
 * Access tokens: ES256 keys, the encoder that signs them, and the decoder that checks them on every
 * request (algorithm pinned; iss, aud, exp, iat, jti, sub checked; revocation looked up, cached per
 * token).
 */
@Configuration(proxyBeanMethods = false)
public class JwtConfiguration {

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
            new JwtClaimValidator<String>(JwtClaimNames.SUB, JwtConfiguration::isUuid)));
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
