package dev.worklane.adapter.in.web.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.HttpStatus;

/**
 * The problem statuses a handler itself can answer, beyond those every operation of its kind shares
 * (which {@link ProblemResponses} adds by concern: bad input, authentication, permissions, body
 * limits, conditional requests, rate limits, outages). Typically what its use case throws: {@code
 * NOT_FOUND} for an unknown or invisible resource, {@code CONFLICT} for a state that forbids the
 * change. The OpenAPI documents list exactly these, each as an {@code application/problem+json}
 * {@code Problem}; a springdoc {@code @ApiResponse} on the handler counts as a declaration too (for
 * a status that needs its own description).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Problems {
  HttpStatus[] value();
}
