package dev.worklane.archfixture.bad.adapter.out.persistence.order;

import org.springframework.data.repository.CrudRepository;

public interface OrderJpaRepository extends CrudRepository<OrderEntity, Long> {}
