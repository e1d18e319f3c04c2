package dev.worklane.archfixture.good.adapter.out.persistence.order;

import dev.worklane.archfixture.good.application.port.out.OrderRepository;
import dev.worklane.archfixture.good.domain.order.Order;
import org.springframework.stereotype.Component;

@Component
public class OrderRepositoryAdapter implements OrderRepository {
  private final OrderJpaRepository jpa;

  OrderRepositoryAdapter(OrderJpaRepository jpa) {
    this.jpa = jpa;
  }

  @Override
  public void save(Order order) {
    OrderEntity entity = new OrderEntity();
    entity.id = order.id();
    entity.customerId = order.customer().value();
    entity.quantity = order.quantity();
    jpa.save(entity);
  }
}
