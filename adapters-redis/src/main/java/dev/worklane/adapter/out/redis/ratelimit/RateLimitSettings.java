package dev.worklane.adapter.out.redis.ratelimit;

import dev.worklane.application.port.out.RateLimiter.Scope;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Budget per scope; the defaults are the seed's numbers. */
public record RateLimitSettings(Map<Scope, Limit> limits) {

  public record Limit(long capacity, Duration window) {
    public Limit {
      if (capacity <= 0 || window == null || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("a rate limit needs a positive capacity and window");
      }
    }
  }

  public RateLimitSettings {
    EnumMap<Scope, Limit> all = new EnumMap<>(defaults());
    all.putAll(limits);
    limits = Map.copyOf(all);
  }

  public static Map<Scope, Limit> defaults() {
    Duration minute = Duration.ofMinutes(1);
    EnumMap<Scope, Limit> defaults = new EnumMap<>(Scope.class);
    defaults.put(Scope.GLOBAL, new Limit(100, minute));
    defaults.put(Scope.AUTHENTICATED, new Limit(100, minute));
    defaults.put(Scope.GUEST, new Limit(20, minute));
    defaults.put(Scope.LOGIN, new Limit(5, minute));
    defaults.put(Scope.REGISTER, new Limit(3, minute));
    defaults.put(Scope.PASSWORD_RESET, new Limit(3, Duration.ofHours(1)));
    // Per (account, client): enough for an owner's typos, far too few for guessing; a quarter
    // of an hour so that rotating through the per-IP login budget does not renew it.
    defaults.put(Scope.LOGIN_ACCOUNT, new Limit(5, Duration.ofMinutes(15)));
    defaults.put(Scope.PASSWORD_CHANGE, new Limit(5, minute));
    return defaults;
  }

  public Limit of(Scope scope) {
    return limits.get(scope);
  }

  /** The scope named as in configuration: {@code password-reset}, {@code PASSWORD_RESET}, … */
  public static Scope scopeNamed(String name) {
    String normalised = name.toUpperCase(Locale.ROOT).replace('-', '_');
    for (Scope scope : Scope.values()) {
      if (scope.name().equals(normalised) || scope.policyName().equalsIgnoreCase(name)) {
        return scope;
      }
    }
    throw new IllegalArgumentException(
        "Unknown rate-limit scope '"
            + name
            + "' (global, authenticated, guest, login, register, password-reset, login-account,"
            + " password-change)");
  }
}
