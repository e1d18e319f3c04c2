package dev.worklane.adapter.in.web.support;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * An endpoint that takes an upload and therefore its own body limit instead of the JSON one ({@code
 * worklane.web.max-json-body}). An upload controller declares it as a bean, e.g. {@code new
 * UploadLimit(HttpMethod.POST, "/api/v1/tasks/{id}/attachments", 25 * 1024 * 1024)}; every other
 * endpoint keeps the JSON limit, multipart or not.
 */
public record UploadLimit(HttpMethod method, String pathPattern, long maxBytes) {
  public UploadLimit {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive");
    }
    PathPatternParser.defaultInstance.parse(pathPattern); // fail at startup on a bad pattern
  }

  boolean matches(String method, String path) {
    PathPattern pattern = PathPatternParser.defaultInstance.parse(pathPattern);
    return this.method.matches(method) && pattern.matches(PathContainer.parsePath(path));
  }
}
