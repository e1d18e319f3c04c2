package dev.worklane.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Replays every exchange the end-to-end tests made through {@link Api} against the OpenAPI document
 * of its version, with Atlassian's validator (not ours), and fails the test class on any response
 * the document does not allow: a client generated from the documents must accept our answers.
 *
 * <p>Runs after each test class, against the documents its own application serves (so a class that
 * changes a limit is judged by the document that says so). A class whose application serves none
 * ({@code WORKLANE_API_DOCS_ENABLED=false}, a child process) is judged by the last documents seen
 * in this JVM, or by the next class's when it came first. Requests are not validated: many tests
 * send bad input on purpose. Exchanges on paths or methods no document describes (unknown versions,
 * the admin area, Swagger UI, 404/405 probes) are counted apart. Figures are appended to {@code
 * target/openapi/traffic.tsv}.
 */
final class Traffic implements AfterAllCallback {
  static final Path REPORT = Path.of("target", "openapi", "traffic.tsv");

  /** Paths that belong to no version, so both documents describe them. */
  private static final Set<String> UNVERSIONED =
      Set.of("/.well-known/jwks.json", "/health", "/ready");

  /**
   * The file URLs, unversioned too: their key spans the rest of the path, which the documents
   * describe as one {@code {key}} (an OpenAPI template matches one segment), so the validator sees
   * the key with its slashes encoded.
   */
  private static final List<String> FILE_ROOTS = List.of("/files/download/", "/files/public/");

  /** What the validator says when a document simply does not describe an exchange. */
  private static final Set<String> UNDESCRIBED =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Queue<Exchange> RECORDED = new ConcurrentLinkedQueue<>();
  private static final Map<String, OpenApiInteractionValidator> VALIDATORS =
      new ConcurrentHashMap<>();
  private static volatile Map<String, String> lastDocuments;

  /** One response as the client saw it. */
  record Exchange(
      String method, URI uri, int status, Map<String, List<String>> headers, String body) {
    String path() {
      return uri.getRawPath();
    }

    /** The documents that describe this path: its version's, or both for unversioned paths. */
    List<String> versions() {
      String path = path();
      if (path.startsWith("/api/v1/")) {
        return List.of("v1");
      }
      if (path.startsWith("/api/v2/")) {
        return List.of("v2");
      }
      return UNVERSIONED.contains(path) || fileRoot(path) != null ? List.of("v1", "v2") : List.of();
    }

    /** The path as the documents template it: a file key as one segment. */
    String documentedPath() {
      String path = path();
      String root = fileRoot(path);
      return root == null ? path : root + path.substring(root.length()).replace("/", "%2F");
    }

    @Override
    public String toString() {
      String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
      return method + " " + path() + query + " -> " + status;
    }
  }

  private static String fileRoot(String path) {
    return FILE_ROOTS.stream().filter(path::startsWith).findFirst().orElse(null);
  }

  /** What validating a batch of exchanges found, per document. */
  record Report(
      Map<String, Integer> validated, Map<String, List<String>> violations, int undescribed) {
    int violationCount() {
      return violations.values().stream().mapToInt(List::size).sum();
    }
  }

  /**
   * A file download read as bytes (a String body would mangle them): its body is kept as Latin-1
   * text, which a binary schema accepts as it is.
   */
  static void recordBytes(String method, HttpResponse<byte[]> response) {
    RECORDED.add(
        new Exchange(
            method,
            response.uri(),
            response.statusCode(),
            response.headers().map(),
            new String(response.body(), java.nio.charset.StandardCharsets.ISO_8859_1)));
  }

  static void record(String method, HttpResponse<String> response) {
    RECORDED.add(
        new Exchange(
            method,
            response.uri(),
            response.statusCode(),
            response.headers().map(),
            response.body()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    List<Exchange> exchanges = new ArrayList<>();
    for (Exchange exchange; (exchange = RECORDED.poll()) != null; ) {
      exchanges.add(exchange);
    }
    Map<String, String> documents = servedDocuments(context);
    if (documents == null) {
      documents = lastDocuments;
    } else {
      lastDocuments = documents;
    }
    if (documents == null) {
      RECORDED.addAll(exchanges); // judged with the next class's documents
      return;
    }
    Report report = validate(exchanges, documents);
    String name = context.getRequiredTestClass().getSimpleName();
    Files.createDirectories(REPORT.getParent());
    StringBuilder line = new StringBuilder();
    for (String version : List.of("v1", "v2")) {
      line.append(name)
          .append('\t')
          .append(version)
          .append('\t')
          .append(report.validated().getOrDefault(version, 0))
          .append('\t')
          .append(report.violations().getOrDefault(version, List.of()).size())
          .append('\t')
          .append(report.undescribed())
          .append('\n');
    }
    Files.writeString(REPORT, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    assertThat(report.violations().values().stream().flatMap(List::stream).toList())
        .as(
            "responses of %s that the OpenAPI documents do not allow (validated: %s)",
            name, report.validated())
        .isEmpty();
  }

  /** Validates each exchange against the document(s) of its version. */
  static Report validate(List<Exchange> exchanges, Map<String, String> documents) {
    Map<String, Integer> validated = new TreeMap<>();
    Map<String, List<String>> violations = new TreeMap<>();
    int undescribed = 0;
    for (Exchange exchange : exchanges) {
      boolean described = false;
      for (String version : exchange.versions()) {
        ValidationReport report = validate(exchange, validator(documents.get(version)));
        if (report.getMessages().stream().anyMatch(m -> UNDESCRIBED.contains(m.getKey()))) {
          continue;
        }
        described = true;
        validated.merge(version, 1, Integer::sum);
        for (ValidationReport.Message message : report.getMessages()) {
          if (message.getLevel() == ValidationReport.Level.ERROR) {
            String at =
                message
                    .getContext()
                    .flatMap(ValidationReport.MessageContext::getPointers)
                    .map(pointers -> " at " + pointers.getInstance())
                    .orElse("");
            violations
                .computeIfAbsent(version, v -> new ArrayList<>())
                .add(
                    version
                        + " "
                        + exchange
                        + at
                        + ": "
                        + message.getKey()
                        + " "
                        + message.getMessage());
          }
        }
      }
      if (!described) {
        undescribed++;
      }
    }
    return new Report(validated, violations, undescribed);
  }

  private static ValidationReport validate(
      Exchange exchange, OpenApiInteractionValidator validator) {
    SimpleResponse.Builder response = new SimpleResponse.Builder(exchange.status());
    exchange.headers().forEach(response::withHeader);
    if (exchange.body() != null && !exchange.body().isEmpty()) {
      response.withBody(exchange.body());
    }
    Request.Method method = Request.Method.valueOf(exchange.method().toUpperCase(Locale.ROOT));
    return validator.validateResponse(exchange.documentedPath(), method, response.build());
  }

  private static OpenApiInteractionValidator validator(String document) {
    return VALIDATORS.computeIfAbsent(
        document,
        json -> OpenApiInteractionValidator.createForInlineApiSpecification(json).build());
  }

  /** The documents the class's own application serves, or null when it serves none. */
  private static Map<String, String> servedDocuments(ExtensionContext context) {
    Class<?> type = context.getRequiredTestClass();
    if (!E2eTest.class.isAssignableFrom(type)) {
      return null;
    }
    ApplicationContext application = SpringExtension.getApplicationContext(context);
    String port = application.getEnvironment().getProperty("local.server.port");
    if (port == null) {
      return null;
    }
    Map<String, String> documents = new LinkedHashMap<>();
    for (String version : List.of("v1", "v2")) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs/" + version))
              .timeout(Duration.ofSeconds(30))
              .build();
      try {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          return null;
        }
        documents.put(version, response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return documents;
  }
}
