package dev.worklane.archfixture.bad.application.port.out;

public interface OrderCache {
  void evict(int orderNumber);
}
