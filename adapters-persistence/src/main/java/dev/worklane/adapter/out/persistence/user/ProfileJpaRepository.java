package dev.worklane.adapter.out.persistence.user;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProfileJpaRepository extends JpaRepository<ProfileEntity, UUID> {}
