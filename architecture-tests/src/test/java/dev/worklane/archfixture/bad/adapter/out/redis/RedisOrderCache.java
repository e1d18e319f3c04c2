package dev.worklane.archfixture.bad.adapter.out.redis;

import dev.worklane.archfixture.bad.application.port.out.OrderCache;

/** Violates: an out-port implementation not named XxxAdapter. */
public class RedisOrderCache implements OrderCache {
  @Override
  public void evict(int orderNumber) {}
}
