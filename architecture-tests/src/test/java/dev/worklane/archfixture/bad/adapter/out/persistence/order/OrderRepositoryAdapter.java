package dev.worklane.archfixture.bad.adapter.out.persistence.order;

import dev.worklane.archfixture.bad.adapter.in.web.v1.OrderResponse;
import dev.worklane.archfixture.bad.application.port.out.OrderRepository;

/** Violates: the persistence adapter imports a web adapter class. */
public class OrderRepositoryAdapter implements OrderRepository {
  @Override
  public void save(int quantity) {
    System.out.println(new OrderResponse(quantity));
  }
}
