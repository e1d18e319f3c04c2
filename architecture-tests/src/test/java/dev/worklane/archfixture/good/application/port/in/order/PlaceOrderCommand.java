package dev.worklane.archfixture.good.application.port.in.order;

import dev.worklane.archfixture.good.domain.customer.CustomerId;

public record PlaceOrderCommand(CustomerId customer, int quantity) {}
