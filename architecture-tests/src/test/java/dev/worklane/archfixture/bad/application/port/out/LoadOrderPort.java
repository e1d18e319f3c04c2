package dev.worklane.archfixture.bad.application.port.out;

/** Violates: an operation-named out-port instead of a capability (OrderRepository). */
public interface LoadOrderPort {
  int load(int orderNumber);
}
