package dev.worklane.bootstrap.config;

import dev.worklane.application.port.out.Cache;
import dev.worklane.application.port.out.ProfileRepository;
import dev.worklane.application.port.out.ProjectRepository;
import dev.worklane.application.port.out.TaskRepository;
import dev.worklane.application.service.support.CachedWrites;
import dev.worklane.application.service.task.TaskService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Tasks of a project. */
@Configuration(proxyBeanMethods = false)
public class TaskWiring {

  @Bean
  TaskService taskService(
      TaskRepository tasks,
      ProjectRepository projects,
      ProfileRepository profiles,
      Cache cache,
      CachedWrites cachedWrites,
      Clock clock) {
    return new TaskService(tasks, projects, profiles, cache, cachedWrites, clock);
  }
}
