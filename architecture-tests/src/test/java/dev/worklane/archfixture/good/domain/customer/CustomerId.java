package dev.worklane.archfixture.good.domain.customer;

import java.util.UUID;

public record CustomerId(UUID value) {
  public CustomerId {
    if (value == null) {
      throw new IllegalArgumentException("value is required");
    }
  }
}
