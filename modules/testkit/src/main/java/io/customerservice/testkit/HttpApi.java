package io.customerservice.testkit;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A real HTTP client for the API under test, synchronous, as a frontend or curl would call it. */
public final class HttpApi {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final int port;

  public HttpApi(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.port = port;
  }

  public int port() {
    return port;
  }

  public String base() {
    return base;
  }

  /** A request being built: method, path, optional token, headers and body. */
  public Call call(String method, String path) {
    return new Call(method, path);
  }

  public Call get(String path) {
    return call("GET", path);
  }

  public Call post(String path) {
    return call("POST", path);
  }

  public Call patch(String path) {
    return call("PATCH", path);
  }

  public Call put(String path) {
    return call("PUT", path);
  }

  public Call delete(String path) {
    return call("DELETE", path);
  }

  /** An answer: status, headers, body text (and as JSON). */
  public record Reply(int status, Map<String, String> headers, String text) {

    public JsonObject json() {
      return new JsonObject(text);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
      return status + " " + text;
    }
  }

  public final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body = "";
    private boolean lengthDeclared = true;

    private Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    public String method() {
      return method;
    }

    /** The path as sent, with its query string. */
    public String path() {
      return path;
    }

    public Call token(String token) {
      return header("Authorization", "Bearer " + token);
    }

    public Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Call json(JsonObject json) {
      return body(json.encode(), "application/json");
    }

    public Call body(String text, String contentType) {
      this.body = text;
      return header("Content-Type", contentType);
    }

    /** Sends the body as a stream of unknown length: chunked over HTTP/1.1, data frames without Content-Length over HTTP/2. */
    public Call withoutLength() {
      lengthDeclared = false;
      return this;
    }

    private HttpRequest.BodyPublisher publisher() {
      if (body.isEmpty()) {
        return HttpRequest.BodyPublishers.noBody();
      }
      byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      return lengthDeclared ? HttpRequest.BodyPublishers.ofByteArray(bytes)
          : HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes));
    }

    public Reply send() {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(30))
          .method(method, publisher());
      headers.forEach(request::header);
      try {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, String> received = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> received.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
        return new Reply(response.statusCode(), received, response.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
