package dev.worklane.archfixture.bad.application.port.out;

public interface OrderRepository {
  void save(int quantity);
}
