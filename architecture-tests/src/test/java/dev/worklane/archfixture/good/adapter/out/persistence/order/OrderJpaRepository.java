package dev.worklane.archfixture.good.adapter.out.persistence.order;

import java.util.UUID;
import org.springframework.data.repository.CrudRepository;

interface OrderJpaRepository extends CrudRepository<OrderEntity, UUID> {}
