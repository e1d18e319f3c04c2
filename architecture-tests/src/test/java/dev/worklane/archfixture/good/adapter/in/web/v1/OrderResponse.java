package dev.worklane.archfixture.good.adapter.in.web.v1;

import dev.worklane.archfixture.good.application.port.in.order.OrderReceipt;
import java.util.UUID;

record OrderResponse(UUID id) {
  static OrderResponse from(OrderReceipt receipt) {
    return new OrderResponse(receipt.orderId());
  }
}
