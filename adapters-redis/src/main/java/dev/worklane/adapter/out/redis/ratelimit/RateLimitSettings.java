package dev.worklane.adapter.out.redis.ratelimit;

import dev.worklane.application.port.out.RateLimiter.Scope;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Budget per scope; the defaults are the seed's numbers (SPEC §3.5). */
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
    return defaults;
  }

  public Limit of(Scope scope) {
    return limits.get(scope);
  }
}
