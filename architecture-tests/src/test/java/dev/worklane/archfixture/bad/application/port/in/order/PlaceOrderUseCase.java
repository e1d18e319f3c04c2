package dev.worklane.archfixture.bad.application.port.in.order;

public interface PlaceOrderUseCase {
  void placeOrder(int quantity);
}
