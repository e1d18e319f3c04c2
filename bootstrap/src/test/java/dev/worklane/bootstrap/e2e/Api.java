package dev.worklane.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small raw HTTP client for end-to-end tests: exact bytes in, status/headers/JSON out. Every
 * exchange is recorded for {@link Traffic}, which checks the responses against the OpenAPI
 * documents.
 */
final class Api {
  static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;

  Api(int port) {
    this.port = port;
  }

  Call call(String method, String path) {
    return new Call(method, path);
  }

  Response get(String path, String token) {
    return call("GET", path).bearer(token).send();
  }

  Response postJson(String path, String json) {
    return call("POST", path).json(json).send();
  }

  Response postJson(String path, String json, String token) {
    return call("POST", path).json(json).bearer(token).send();
  }

  final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

    Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Call bearer(String token) {
      return token == null ? this : header("Authorization", "Bearer " + token);
    }

    Call json(String json) {
      header("Content-Type", "application/json");
      return body(json);
    }

    Call body(String raw) {
      body = HttpRequest.BodyPublishers.ofString(raw);
      return this;
    }

    Call body(HttpRequest.BodyPublisher publisher) {
      body = publisher;
      return this;
    }

    Response send() {
      HttpResponse<String> response = exchange(HttpResponse.BodyHandlers.ofString());
      Traffic.record(method, response);
      return new Response(response);
    }

    /** The body as bytes (a downloaded file); files lie outside the OpenAPI documents. */
    HttpResponse<byte[]> sendForBytes() {
      return exchange(HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> exchange(HttpResponse.BodyHandler<T> handler) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .timeout(Duration.ofSeconds(30))
              .method(method, body);
      headers.forEach(request::header);
      try {
        return CLIENT.send(request.build(), handler);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  record Response(HttpResponse<String> raw) {
    int status() {
      return raw.statusCode();
    }

    String body() {
      return raw.body();
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    JsonNode json() {
      return JSON.readTree(raw.body());
    }

    JsonNode data() {
      return json().get("data");
    }

    @Override
    public String toString() {
      return raw.statusCode() + " " + raw.body();
    }
  }
}
