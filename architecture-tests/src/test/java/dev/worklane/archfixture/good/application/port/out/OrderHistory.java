package dev.worklane.archfixture.good.application.port.out;

import dev.worklane.archfixture.good.application.port.model.OrderPage;

public interface OrderHistory {
  OrderPage page(int page);
}
