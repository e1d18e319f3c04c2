package dev.worklane.archfixture.good.adapter.in.web.v1;

import dev.worklane.archfixture.good.application.port.in.order.PlaceOrderCommand;
import dev.worklane.archfixture.good.application.port.in.order.PlaceOrderUseCase;
import dev.worklane.archfixture.good.domain.customer.CustomerId;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class OrderController {
  private final PlaceOrderUseCase placeOrder;

  public OrderController(PlaceOrderUseCase placeOrder) {
    this.placeOrder = placeOrder;
  }

  @PostMapping("/orders")
  OrderResponse place(@RequestParam UUID customerId, @RequestParam int quantity) {
    return OrderResponse.from(
        placeOrder.placeOrder(new PlaceOrderCommand(new CustomerId(customerId), quantity)));
  }
}
