package dev.worklane.archfixture.good.domain.order;

import dev.worklane.archfixture.good.domain.customer.CustomerId;
import java.util.UUID;

public record Order(UUID id, CustomerId customer, int quantity) {
  public Order {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be positive");
    }
  }
}
