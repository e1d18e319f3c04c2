package dev.worklane.archfixture.bad.application.service.order;

import dev.worklane.archfixture.bad.adapter.out.persistence.order.OrderRepositoryAdapter;
import dev.worklane.archfixture.bad.application.port.in.order.PlaceOrderUseCase;
import org.springframework.util.Assert;

/** Violates: a Spring import in the application, and a dependency on an adapter. */
public final class PlaceOrderService implements PlaceOrderUseCase {
  private final OrderRepositoryAdapter orders;

  public PlaceOrderService(OrderRepositoryAdapter orders) {
    this.orders = orders;
  }

  @Override
  public void placeOrder(int quantity) {
    Assert.isTrue(quantity > 0, "quantity must be positive");
    orders.save(quantity);
  }
}
