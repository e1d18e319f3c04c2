package dev.worklane.adapter.in.web.admin;

import dev.worklane.adapter.in.web.support.ApiPaths;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The queue dashboard page: one static HTML file whose script and style sheet are separate static
 * files next to it (no inline code, so the admin chain's CSP allows only {@code 'self'}).
 * Everything it shows comes from {@link QueueAdminController}'s JSON API.
 */
@RestController
public class QueueDashboardController {
  static final String PAGE = "static" + ApiPaths.ADMIN_QUEUES + "/index.html";

  static final String LOGIN_PAGE = "static" + ApiPaths.ADMIN_LOGIN + "/index.html";

  private final Resource page = new ClassPathResource(PAGE);
  private final Resource loginPage = new ClassPathResource(LOGIN_PAGE);

  @GetMapping(
      path = {ApiPaths.ADMIN_QUEUES, ApiPaths.ADMIN_QUEUES + "/"},
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<Resource> dashboard() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(page);
  }

  /** Where a browser without an admin session is sent: the session login as a form. */
  @GetMapping(
      path = {ApiPaths.ADMIN_LOGIN, ApiPaths.ADMIN_LOGIN + "/"},
      produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<Resource> login() {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(loginPage);
  }
}
