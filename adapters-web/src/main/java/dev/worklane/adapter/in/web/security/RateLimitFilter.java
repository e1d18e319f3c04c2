package dev.worklane.adapter.in.web.security;

import dev.worklane.adapter.in.web.error.ProblemWriter;
import dev.worklane.adapter.in.web.openapi.OpenApiConfiguration;
import dev.worklane.adapter.in.web.support.ApiPaths;
import dev.worklane.adapter.in.web.support.WebSettings;
import dev.worklane.application.port.in.Actor;
import dev.worklane.application.port.out.RateLimiter;
import dev.worklane.application.port.out.RateLimiter.Decision;
import dev.worklane.application.port.out.RateLimiter.Scope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * The API's rate limits, shared by all instances through the {@link RateLimiter} port. It runs
 * twice in the security chain: before authentication for the per-IP scopes (global, login,
 * registration), after it for the caller's scope (per user when authenticated, else the guest
 * budget per IP; the password change per user). The client IP is the servlet remote address, which
 * the container rewrites from {@code X-Forwarded-For} only for trusted proxies; IPv6 clients count
 * by their /64 ({@link ClientKeys}). Every limited response carries the IETF {@code
 * RateLimit}/{@code RateLimit-Policy} headers for the policy closest to exhaustion.
 */
public class RateLimitFilter extends OncePerRequestFilter {
  public enum Stage {
    BEFORE_AUTHENTICATION,
    AFTER_AUTHENTICATION
  }

  static final String LOGIN_PATH = ApiPaths.V1_LOGIN;
  static final String SESSION_PATH = ApiPaths.V1_SESSION;
  static final String REGISTER_PATH = ApiPaths.V1_REGISTER;
  static final String PASSWORD_CHANGE_PATH = ApiPaths.V1_PASSWORD_CHANGE;
  private static final String DECISIONS = RateLimitFilter.class.getName() + ".decisions";
  private static final Logger LOG = LoggerFactory.getLogger(RateLimitFilter.class);

  private final RateLimiter limiter;
  private final ProblemWriter problems;
  private final Stage stage;

  public RateLimitFilter(RateLimiter limiter, ProblemWriter problems, Stage stage) {
    this.limiter = limiter;
    this.problems = problems;
    this.stage = stage;
  }

  /** The filter of each stage, for a chain to place around its authentication. */
  public record Stages(RateLimitFilter beforeAuthentication, RateLimitFilter afterAuthentication) {}

  /** Both stages, or null where limits are off (load tests) or no limiter is wired. */
  static Stages stages(
      ObjectProvider<RateLimiter> rateLimiter, WebSettings settings, ProblemWriter problems) {
    RateLimiter limiter = rateLimiter.getIfAvailable();
    if (!settings.rateLimitsEnabled() || limiter == null) {
      return null;
    }
    return new Stages(
        new RateLimitFilter(limiter, problems, Stage.BEFORE_AUTHENTICATION),
        new RateLimitFilter(limiter, problems, Stage.AFTER_AUTHENTICATION));
  }

  /** Two instances of this filter run per request, one per stage: each needs its own marker. */
  @Override
  protected String getAlreadyFilteredAttributeName() {
    return RateLimitFilter.class.getName() + "." + stage + ".FILTERED";
  }

  /**
   * Everything is limited except the probes, the public keys (load balancers poll them), public
   * objects (immutable and cached, see {@link ApiPaths#PUBLIC_UNLIMITED_PREFIXES}), the API
   * documentation (Swagger UI loads about ten static files and would eat half a guest's budget; the
   * documents are generated once and cached) and the Actuator: the management port shares this
   * security chain, and a Prometheus scrape must never be refused (nor eat the scraper's global
   * budget). On the public port {@code /actuator} is not mapped at all.
   */
  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = path(request);
    return ApiPaths.isPublicUnlimited(path)
        || "/actuator".equals(path)
        || path.startsWith("/actuator/")
        || isDocumentation(path);
  }

  private static boolean isDocumentation(String path) {
    for (String prefix : OpenApiConfiguration.DOCS_PATH_PREFIXES) {
      if (path.equals(prefix) || path.startsWith(prefix + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The decoded, normalised path — what Spring MVC routes on. Comparing the raw URI would let
   * {@code /%61pi/v1/auth/login} reach the login endpoint without its budget.
   */
  static String path(HttpServletRequest request) {
    return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    List<Decision> decisions = decisions(request);
    String ip = ClientKeys.of(request.getRemoteAddr());
    if (stage == Stage.BEFORE_AUTHENTICATION) {
      decisions.add(limiter.tryConsume(Scope.GLOBAL, ip));
      if ("POST".equals(request.getMethod())) {
        String path = path(request);
        if (LOGIN_PATH.equals(path) || SESSION_PATH.equals(path)) {
          decisions.add(limiter.tryConsume(Scope.LOGIN, ip));
        } else if (REGISTER_PATH.equals(path)) {
          decisions.add(limiter.tryConsume(Scope.REGISTER, ip));
        }
      }
    } else {
      String userId = authenticatedUserId();
      decisions.add(
          userId != null
              ? limiter.tryConsume(Scope.AUTHENTICATED, userId)
              : limiter.tryConsume(Scope.GUEST, ip));
      // Two BCrypt rounds per call: login-grade, per user (an attacker with a stolen session
      // must not be able to test current passwords at the authenticated rate).
      if (userId != null
          && "POST".equals(request.getMethod())
          && PASSWORD_CHANGE_PATH.equals(path(request))) {
        decisions.add(limiter.tryConsume(Scope.PASSWORD_CHANGE, userId));
      }
    }
    Decision closest =
        decisions.stream().min(Comparator.comparingLong(Decision::remaining)).orElseThrow();
    writeHeaders(response, closest);

    List<Decision> refused = decisions.stream().filter(d -> !d.allowed()).toList();
    if (!refused.isEmpty()) {
      Decision worst =
          refused.stream().max(Comparator.comparing(Decision::resetAfter)).orElseThrow();
      long retryAfter = Math.max(1, ceilSeconds(worst));
      LOG.warn("rate_limited scope={} path={}", worst.scope().policyName(), path(request));
      response.setHeader("Retry-After", Long.toString(retryAfter));
      problems.write(
          request,
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "RATE_LIMITED",
          "Too many requests for policy '"
              + worst.scope().policyName()
              + "'; retry in "
              + retryAfter
              + " s");
      return;
    }
    chain.doFilter(request, response);
  }

  private static void writeHeaders(HttpServletResponse response, Decision d) {
    String name = "\"" + d.scope().policyName() + "\"";
    response.setHeader(
        "RateLimit-Policy", name + ";q=" + d.limit() + ";w=" + d.window().toSeconds());
    response.setHeader(
        "RateLimit", name + ";r=" + Math.max(0, d.remaining()) + ";t=" + ceilSeconds(d));
  }

  private static long ceilSeconds(Decision d) {
    long millis = d.resetAfter().toMillis();
    return (millis + 999) / 1000;
  }

  @SuppressWarnings("unchecked")
  private static List<Decision> decisions(HttpServletRequest request) {
    Object existing = request.getAttribute(DECISIONS);
    if (existing instanceof List<?> list) {
      return (List<Decision>) list;
    }
    List<Decision> created = new ArrayList<>(3);
    request.setAttribute(DECISIONS, created);
    return created;
  }

  private static String authenticatedUserId() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken jwt) {
      return jwt.getToken().getSubject();
    }
    if (auth != null && auth.getPrincipal() instanceof Actor actor) {
      return actor.userId().toString();
    }
    return null;
  }
}
