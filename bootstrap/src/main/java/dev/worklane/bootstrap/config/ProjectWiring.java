package dev.worklane.bootstrap.config;

import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.port.out.Transactions;
import dev.worklane.application.port.out.UserRepository;
import dev.worklane.application.service.project.ProjectService;
import dev.worklane.application.service.support.CachedWrites;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Projects and their members. */
@Configuration(proxyBeanMethods = false)
public class ProjectWiring {

  @Bean
  ProjectService projectService(
      ProjectRepository projects,
      TaskRepository tasks,
      UserRepository users,
      ProfileRepository profiles,
      Transactions transactions,
      Cache cache,
      CachedWrites cachedWrites,
      Clock clock) {
    return new ProjectService(
        projects, tasks, users, profiles, transactions, cache, cachedWrites, clock);
  }
}
