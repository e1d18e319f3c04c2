package dev.worklane.archfixture.good.application.port.out;

import dev.worklane.archfixture.good.domain.order.Order;

public interface OrderRepository {
  void save(Order order);
}
