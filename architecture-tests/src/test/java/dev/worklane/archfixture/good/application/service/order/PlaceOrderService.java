package dev.worklane.archfixture.good.application.service.order;

import dev.worklane.archfixture.good.application.port.in.order.OrderReceipt;
import dev.worklane.archfixture.good.application.port.in.order.PlaceOrderCommand;
import dev.worklane.archfixture.good.application.port.in.order.PlaceOrderUseCase;
import dev.worklane.archfixture.good.application.port.out.OrderRepository;
import dev.worklane.archfixture.good.domain.order.Order;
import java.util.UUID;

public final class PlaceOrderService implements PlaceOrderUseCase {
  private final OrderRepository orders;

  public PlaceOrderService(OrderRepository orders) {
    this.orders = orders;
  }

  @Override
  public OrderReceipt placeOrder(PlaceOrderCommand command) {
    Order order = new Order(UUID.randomUUID(), command.customer(), command.quantity());
    orders.save(order);
    return new OrderReceipt(order.id());
  }
}
