package dev.worklane.archfixture.good.application.port.in.order;

import dev.worklane.archfixture.good.application.port.model.OrderPage;

public interface ListOrdersUseCase {
  OrderPage list(int page);
}
