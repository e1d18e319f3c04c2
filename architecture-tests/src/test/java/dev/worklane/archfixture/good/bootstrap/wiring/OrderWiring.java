package dev.worklane.archfixture.good.bootstrap.wiring;

import dev.worklane.archfixture.good.application.port.in.order.PlaceOrderUseCase;
import dev.worklane.archfixture.good.application.port.out.OrderRepository;
import dev.worklane.archfixture.good.application.service.order.PlaceOrderService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OrderWiring {
  @Bean
  PlaceOrderUseCase placeOrder(OrderRepository orders) {
    return new PlaceOrderService(orders);
  }
}
