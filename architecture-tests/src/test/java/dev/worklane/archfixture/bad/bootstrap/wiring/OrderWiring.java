package dev.worklane.archfixture.bad.bootstrap.wiring;

import dev.worklane.archfixture.bad.adapter.out.persistence.order.OrderJpaRepository;
import dev.worklane.archfixture.bad.adapter.out.persistence.order.OrderRepositoryAdapter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Violates: a Spring Data repository used outside the persistence adapter. */
@Configuration
public class OrderWiring {
  @Bean
  OrderRepositoryAdapter orderRepository(OrderJpaRepository jpa) {
    return new OrderRepositoryAdapter();
  }
}
