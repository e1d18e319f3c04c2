package dev.worklane.archfixture.bad.domain.order;

import dev.worklane.archfixture.bad.domain.customer.Customer;
import org.springframework.stereotype.Component;

/** Violates: a framework annotation and a Spring dependency in the domain. */
@Component
public class Order {
  Customer customer;
}
