package dev.worklane.archfixture.bad.application.port.out;

import dev.worklane.archfixture.bad.application.port.in.order.PlaceOrderUseCase;

/** Violates: an out-port that speaks an in-port's type (the pages belong in port.model). */
public interface OrderHistory {
  PlaceOrderUseCase latestPlacement();
}
