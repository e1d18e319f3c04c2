package dev.worklane.archfixture.bad.adapter.in.web.v1;

import dev.worklane.archfixture.bad.application.port.out.OrderRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Violates: a controller calling an out-port instead of a use case. */
@RestController
public class OrderController {
  private final OrderRepository orders;

  public OrderController(OrderRepository orders) {
    this.orders = orders;
  }

  @PostMapping("/orders")
  OrderResponse place(@RequestParam int quantity) {
    orders.save(quantity);
    return new OrderResponse(quantity);
  }
}
