package dev.worklane.adapter.in.web;

import dev.worklane.adapter.in.web.error.ProblemWriter;
import dev.worklane.adapter.in.web.security.SessionStoreGuardFilter;
import dev.worklane.adapter.in.web.support.AccessLogFilter;
import dev.worklane.adapter.in.web.support.ApiVersionSettings;
import dev.worklane.adapter.in.web.support.BodySizeLimitFilter;
import dev.worklane.adapter.in.web.support.DeprecationHeadersFilter;
import dev.worklane.adapter.in.web.support.RequestIdFilter;
import dev.worklane.adapter.in.web.support.WebSettings;
import jakarta.servlet.Filter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.accept.StandardApiVersionDeprecationHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every servlet filter of the web adapter, in the order a request meets them. Registered here and
 * nowhere else; the filters themselves are plain classes. Inside the security chains ({@link
 * #SECURITY_CHAIN}, see {@code ApiSecurityConfiguration} and {@code AdminSecurityConfiguration})
 * run, placed relative to Spring Security's own filters: {@code RateLimitFilter} before
 * authentication (per client address) and after it (per user), {@code SessionOnlyFilter} (admin
 * area: no {@code Authorization} header) and {@code UserIdMdcFilter} (the caller's id in the log
 * MDC).
 */
@Configuration(proxyBeanMethods = false)
public class WebFilters {
  /** Fixes the request id first, so every later line and answer carries it. */
  public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;

  /** Before every filter that may answer on its own: those answers are v1 responses too. */
  public static final int DEPRECATION_HEADERS = REQUEST_ID + 1;

  /** Before anything reads a body. */
  public static final int BODY_SIZE_LIMIT = REQUEST_ID + 10;

  /** Outside the security chain, so it logs the 401/403/429 that chain answers. */
  public static final int ACCESS_LOG = REQUEST_ID + 20;

  /**
   * Spring Session's filter, which loads the session from Redis (bootstrap's Spring Session, at its
   * {@code SessionRepositoryFilter.DEFAULT_ORDER}; not registered here).
   */
  public static final int SESSION_REPOSITORY = Ordered.HIGHEST_PRECEDENCE + 50;

  /** Right after the session is loaded: 503 at once when the session store cannot be read. */
  public static final int SESSION_STORE_GUARD = SESSION_REPOSITORY + 10;

  /** Spring Security's chains (Boot's default position, not registered here). */
  public static final int SECURITY_CHAIN = SecurityFilterProperties.DEFAULT_FILTER_ORDER;

  @Bean
  FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
    return registration(new RequestIdFilter(), REQUEST_ID);
  }

  @Bean
  FilterRegistrationBean<DeprecationHeadersFilter> deprecationHeadersFilter(
      ApiVersionSettings settings,
      StandardApiVersionDeprecationHandler deprecations,
      @Qualifier("requestMappingHandlerMapping")
          ObjectProvider<RequestMappingHandlerMapping> mappings) {
    return registration(
        new DeprecationHeadersFilter(settings, deprecations, mappings), DEPRECATION_HEADERS);
  }

  @Bean
  FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(WebSettings settings) {
    return registration(new BodySizeLimitFilter(settings), BODY_SIZE_LIMIT);
  }

  @Bean
  FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
    return registration(new AccessLogFilter(), ACCESS_LOG);
  }

  @Bean
  FilterRegistrationBean<SessionStoreGuardFilter> sessionStoreGuardFilter(ProblemWriter problems) {
    return registration(new SessionStoreGuardFilter(problems), SESSION_STORE_GUARD);
  }

  private static <F extends Filter> FilterRegistrationBean<F> registration(F filter, int order) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(order);
    return registration;
  }
}
