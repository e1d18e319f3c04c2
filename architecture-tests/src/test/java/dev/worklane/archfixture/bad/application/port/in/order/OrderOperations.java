package dev.worklane.archfixture.bad.application.port.in.order;

/** Violates: an inbound port interface not named XxxUseCase. */
public interface OrderOperations {
  void cancel(int orderNumber);
}
