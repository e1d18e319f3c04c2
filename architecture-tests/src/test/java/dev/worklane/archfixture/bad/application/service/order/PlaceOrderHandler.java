package dev.worklane.archfixture.bad.application.service.order;

import dev.worklane.archfixture.bad.application.port.in.order.PlaceOrderUseCase;

/** Violates: a use-case implementation not named XxxService. */
public final class PlaceOrderHandler implements PlaceOrderUseCase {
  @Override
  public void placeOrder(int quantity) {}
}
