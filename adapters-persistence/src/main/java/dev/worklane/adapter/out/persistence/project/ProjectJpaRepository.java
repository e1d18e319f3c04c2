package dev.worklane.adapter.out.persistence.project;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProjectJpaRepository extends JpaRepository<ProjectEntity, UUID> {}
