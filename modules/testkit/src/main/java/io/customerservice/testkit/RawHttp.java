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
    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  /**
   * Sends {@code requestLine} (such as {@code GET / HTTP/1.1}), the header lines (each without
   * its line end) and the body exactly as given; a Content-Length for the body is added unless a
   * header line already frames it.
   */
  public Answer exchange(String requestLine, java.util.List<String> headerLines, byte[] body) {
    StringBuilder head = new StringBuilder(requestLine).append("\r\n");
    boolean framed = false;
    for (String line : headerLines) {
      head.append(line).append("\r\n");
      String lower = line.toLowerCase(java.util.Locale.ROOT);
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
