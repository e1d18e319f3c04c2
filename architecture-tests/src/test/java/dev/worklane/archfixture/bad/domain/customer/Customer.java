package dev.worklane.archfixture.bad.domain.customer;

import dev.worklane.archfixture.bad.domain.order.Order;

/** Violates: domain.customer -> domain.order -> domain.customer is a package cycle. */
public class Customer {
  Order lastOrder;
}
