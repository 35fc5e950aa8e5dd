package io.customerservice.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * HTTP/1.x written by hand on a socket, for requests no well-behaved client sends: a malformed or
 * missing Host, raw bytes in the request line, headers and bodies of any shape. Each exchange is
 * one connection ({@code Connection: close} is added); an answer that does not come within the
 * bound fails the test as a hang.
 */
public final class RawHttp {

  private final int port;
  private final Duration bound;

  public RawHttp(int port, Duration bound) {
    this.port = port;
    this.bound = bound;
  }

  /** An answer: the status code and the body as text. */
  public record Answer(int status, String head, String body) {

    private static final List<String> INTERNALS =
        List.of("Exception", "io.vertx", "io.customerservice", "at java.", "SQLSTATE", "postgres", "jackson");

    /** What any answer to any input must be: not a 5xx, a JSON object or nothing, with no internal name in it. */
    public void assertSafeForClients() {
      if (status >= 500) {
        throw new AssertionError("a server error: " + this);
      }
      for (String internal : INTERNALS) {
        if (body.contains(internal)) {
          throw new AssertionError("shows \"" + internal + "\": " + this);
        }
      }
      if (!body.isEmpty() && !body.startsWith("{")) {
        throw new AssertionError("not a JSON object: " + this);
      }
    }

    /** The answer as {@link HttpApi} gives one: header names in lower case, the first of a repeated one. */
    public HttpApi.Reply reply() {
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : head.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0 && !line.startsWith("HTTP/")) {
          headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
      }
      return new HttpApi.Reply(status, headers, body);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /** Header lines for a Host, a Content-Type and a bearer token, each left out where null. */
  public static List<String> headerLines(String host, String contentType, String bearerToken) {
    List<String> lines = new ArrayList<>();
    if (host != null) {
      lines.add("Host: " + host);
    }
    if (contentType != null) {
      lines.add("Content-Type: " + contentType);
    }
    if (bearerToken != null) {
      lines.add("Authorization: Bearer " + bearerToken);
    }
    return lines;
  }

  /**
   * Sends {@code requestLine} (such as {@code GET / HTTP/1.1}), the header lines (each without
   * its line end) and the body exactly as given; a Content-Length for the body is added unless a
   * header line already frames it.
   */
  public Answer exchange(String requestLine, List<String> headerLines, byte[] body) {
    StringBuilder head = new StringBuilder(requestLine).append("\r\n");
    boolean framed = false;
    for (String line : headerLines) {
      head.append(line).append("\r\n");
      String lower = line.toLowerCase(Locale.ROOT);
      framed |= lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:");
    }
    if (!framed && body.length > 0) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("Connection: close\r\n\r\n");
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) bound.toMillis());
      socket.setSoTimeout((int) bound.toMillis());
      socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().write(body);
      socket.getOutputStream().flush();
      return parse(readAll(socket.getInputStream(), System.nanoTime() + bound.toNanos()));
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within " + bound + " to " + requestLine + " " + headerLines, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] readAll(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    for (int n; (n = in.read(chunk)) >= 0; ) {
      received.write(chunk, 0, n);
      if (System.nanoTime() > deadline) {
        throw new SocketTimeoutException("the answer did not end within " + bound);
      }
    }
    return received.toByteArray();
  }

  private static Answer parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.") || end < 0) {
      throw new AssertionError("not an HTTP answer: " + text);
    }
    String head = text.substring(0, end);
    String[] statusLine = head.split("\r\n", 2)[0].split(" ", 3);
    return new Answer(Integer.parseInt(statusLine[1]), head, text.substring(end + 4));
  }
}
