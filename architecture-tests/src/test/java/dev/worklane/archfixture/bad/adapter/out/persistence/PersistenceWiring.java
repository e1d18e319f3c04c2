package dev.worklane.archfixture.bad.adapter.out.persistence;

import dev.worklane.archfixture.bad.adapter.out.persistence.order.OrderRepositoryAdapter;
import dev.worklane.archfixture.bad.application.port.in.order.PlaceOrderUseCase;
import dev.worklane.archfixture.bad.application.service.order.PlaceOrderService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Violates: an adapter constructs a use case; only bootstrap wires them. */
@Configuration
public class PersistenceWiring {
  @Bean
  PlaceOrderUseCase placeOrder() {
    return new PlaceOrderService(new OrderRepositoryAdapter());
  }
}
