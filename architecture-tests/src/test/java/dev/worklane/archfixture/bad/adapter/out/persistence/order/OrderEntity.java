package dev.worklane.archfixture.bad.adapter.out.persistence.order;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class OrderEntity {
  @Id Long id;
  int quantity;
}
