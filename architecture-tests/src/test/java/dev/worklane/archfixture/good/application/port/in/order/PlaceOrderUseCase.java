package dev.worklane.archfixture.good.application.port.in.order;

public interface PlaceOrderUseCase {
  OrderReceipt placeOrder(PlaceOrderCommand command);
}
