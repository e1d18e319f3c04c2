package dev.worklane.adapter.in.web.openapi;

import dev.worklane.adapter.in.web.support.ApiPaths;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.PathItem.HttpMethod;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** One operation of a document and the facts about it that the concerns read. */
record ApiOperation(String path, HttpMethod method, Operation operation, PathItem item) {
  static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}");
  private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

  String httpMethod() {
    return method.name();
  }

  boolean isApi() {
    return path.startsWith("/api/");
  }

  boolean isV1() {
    return path.startsWith("/api/v1/");
  }

  boolean isProbe() {
    return "/health".equals(path) || "/ready".equals(path);
  }

  /** {@code /files/download/{key}} or {@code /files/public/{key}}: a file the app serves. */
  boolean isFile() {
    return path.startsWith(ApiPaths.FILES_DOWNLOAD + "/") || isPublicFile();
  }

  boolean isPublicFile() {
    return path.startsWith(ApiPaths.FILES_PUBLIC + "/");
  }

  boolean rateLimited() {
    return !ApiPaths.isPublicUnlimited(path);
  }

  boolean unsafe() {
    return UNSAFE.contains(httpMethod());
  }

  boolean hasBody() {
    return operation.getRequestBody() != null;
  }

  boolean hasInput() {
    return hasBody() || !parameters(operation).isEmpty();
  }

  boolean secured() {
    return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
  }

  Parameter parameter(String in, String name) {
    return parameters(operation).stream()
        .filter(p -> in.equals(p.getIn()) && name.equalsIgnoreCase(p.getName()))
        .findFirst()
        .orElse(null);
  }

  boolean takesIfMatch() {
    return parameter("header", "If-Match") != null;
  }

  /** Reads and writes of a resource whose writes need If-Match: its ETag is what they send. */
  boolean sendsEtag() {
    return (method == HttpMethod.GET || method == HttpMethod.PATCH)
        && item.readOperations().stream()
            .anyMatch(
                other ->
                    parameters(other).stream()
                        .anyMatch(
                            p ->
                                "header".equals(p.getIn())
                                    && "If-Match".equalsIgnoreCase(p.getName())));
  }

  static List<Parameter> parameters(Operation operation) {
    return operation.getParameters() == null ? List.of() : operation.getParameters();
  }
}
