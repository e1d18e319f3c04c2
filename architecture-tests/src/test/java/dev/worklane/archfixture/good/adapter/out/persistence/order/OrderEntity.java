package dev.worklane.archfixture.good.adapter.out.persistence.order;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.util.UUID;

@Entity
class OrderEntity {
  @Id UUID id;
  UUID customerId;
  int quantity;
}
