package io.customerservice.testkit;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Chromium, headless, driven over the DevTools protocol (a Vert.x WebSocket client), for
 * tests of what a browser does with our pages. Its profile and log live in a directory the test
 * names; closing it ends the browser and every process it started.
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Debian's package installs {@code chromium}; other systems name it otherwise. */
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
  private static final Duration STARTUP = Duration.ofSeconds(60);

  private final Process process;
  private final int port;
  private final Path profile;
  private final Vertx vertx = Vertx.vertx();
  private final WebSocketClient sockets;

  private HeadlessChromium(Process process, int port, Path profile) {
    this.process = process;
    this.port = port;
    this.profile = profile;
    // Screenshots arrive as one message of base64.
    this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(64 << 20).setMaxFrameSize(64 << 20));
  }

  /** The browser on the PATH, if there is one. */
  public static Optional<Path> installed() {
    String path = System.getenv().getOrDefault("PATH", "");
    return NAMES.stream()
        .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * The browser on the PATH; without one, the calling test is skipped (a JUnit assumption) saying
   * so. CI installs Debian's package (.ci/run), so there it always runs.
   */
  public static Path installedOrSkip() {
    Optional<Path> browser = installed();
    Assumptions.assumeTrue(browser.isPresent(),
        "chromium is not installed (.ci/run installs Debian's package): this browser test is skipped");
    return browser.get();
  }

  /** Starts {@code browser} with its profile and log under {@code workDir}, once its DevTools port is open. */
  public static HeadlessChromium launch(Path browser, Path workDir) throws IOException, InterruptedException {
    // A fresh profile each time: one left by a killed run would hold Chromium's lock on it.
    Path profile = Files.createTempDirectory(Files.createDirectories(workDir), "profile-");
    Path portFile = profile.resolve("DevToolsActivePort");
    List<String> command = new ArrayList<>(List.of(browser.toString(),
        "--headless",
        // Root in CI containers: Chromium's sandbox cannot start as root, and the test loads only our own pages.
        "--no-sandbox",
        "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
        "--disable-extensions", "--disable-background-networking", "--disable-sync", "--metrics-recording-only",
        "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
        "--user-data-dir=" + profile, "--window-size=1280,1024", "about:blank"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(workDir.resolve("chromium.log").toFile()).start();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("chromium exited at start: " + Files.readString(workDir.resolve("chromium.log")));
      }
      List<String> lines = Files.exists(portFile) ? Files.readAllLines(portFile) : List.of();
      if (lines.size() >= 2) {
        return new HeadlessChromium(process, Integer.parseInt(lines.get(0).strip()), profile);
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("chromium did not open its DevTools port within " + STARTUP);
  }

  /** A new tab, attached. */
  public Tab newTab() throws IOException, InterruptedException {
    HttpResponse<String> created = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
            .PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    String url = new JsonObject(created.body()).getString("webSocketDebuggerUrl");
    // DevTools refuses connections that carry an Origin it was not told to allow; ours carries none.
    WebSocket socket = Bus.await(sockets.connect(new WebSocketConnectOptions().setAbsoluteURI(url).setAllowOriginHeader(false)));
    return new Tab(socket);
  }

  /** One page, and what it reported: exceptions, console errors and Content-Security-Policy violations. */
  public final class Tab {

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Promise<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private Tab(WebSocket socket) {
      this.socket = socket;
      socket.textMessageHandler(this::received);
      send("Runtime.enable", new JsonObject());
      send("Log.enable", new JsonObject());
      send("Page.enable", new JsonObject());
      send("Emulation.setDeviceMetricsOverride", new JsonObject().put("width", 1280).put("height", 1024)
          .put("deviceScaleFactor", 1).put("mobile", false));
      // Injected by DevTools, so it runs whatever the page's own policy allows.
      send("Page.addScriptToEvaluateOnNewDocument", new JsonObject().put("source", "window.__violations = [];"
          + "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"));
    }

    private void received(String text) {
      JsonObject message = new JsonObject(text);
      Integer id = message.getInteger("id");
      if (id != null) {
        Promise<JsonObject> answer = pending.remove(id);
        if (answer != null) {
          if (message.containsKey("error")) {
            answer.fail(message.getJsonObject("error").encode());
          } else {
            answer.complete(message.getJsonObject("result", new JsonObject()));
          }
        }
        return;
      }
      JsonObject params = message.getJsonObject("params", new JsonObject());
      switch (message.getString("method", "")) {
        case "Runtime.exceptionThrown" -> problems.add("exception: " + params.getJsonObject("exceptionDetails").encode());
        case "Runtime.consoleAPICalled" -> {
          if ("error".equals(params.getString("type"))) {
            problems.add("console.error: " + params.getJsonArray("args", new JsonArray()).encode());
          }
        }
        case "Log.entryAdded" -> {
          JsonObject entry = params.getJsonObject("entry");
          if ("error".equals(entry.getString("level"))) {
            problems.add("log: " + entry.getString("text") + " " + entry.getString("url", ""));
          }
        }
        default -> { }
      }
    }

    /** A DevTools command's result. */
    public JsonObject send(String method, JsonObject params) {
      int id = ids.incrementAndGet();
      Promise<JsonObject> answer = Promise.promise();
      pending.put(id, answer);
      socket.writeTextMessage(new JsonObject().put("id", id).put("method", method).put("params", params).encode());
      return Bus.await(answer.future());
    }

    /** Loads {@code url}; returns once the page's load event fired. */
    public void navigate(String url, Duration bound) throws InterruptedException {
      send("Page.navigate", new JsonObject().put("url", url));
      waitFor("document.readyState === 'complete'", bound);
    }

    /** The value of {@code expression} in the page (a promise is awaited). */
    public Object evaluate(String expression) {
      JsonObject result = send("Runtime.evaluate", new JsonObject().put("expression", expression)
          .put("awaitPromise", true).put("returnByValue", true));
      if (result.containsKey("exceptionDetails")) {
        throw new AssertionError("the page threw on " + expression + ": " + result.getJsonObject("exceptionDetails").encode());
      }
      return result.getJsonObject("result").getValue("value");
    }

    /** Waits until {@code condition} is true in the page. */
    public void waitFor(String condition, Duration bound) throws InterruptedException {
      long deadline = System.nanoTime() + bound.toNanos();
      while (!Boolean.TRUE.equals(evaluate("Boolean(" + condition + ")"))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the page never showed " + condition + " within " + bound + "; it reported " + problems);
        }
        Thread.sleep(100);
      }
    }

    /** A PNG of the part of the page from the top of the element {@code from} finds to the bottom of the one {@code to} finds. */
    public byte[] screenshot(String from, String to) {
      JsonObject box = new JsonObject(String.valueOf(evaluate("(() => {"
          + " const a = document.querySelector('" + from + "').getBoundingClientRect();"
          + " const b = document.querySelector('" + to + "').getBoundingClientRect();"
          + " const left = Math.min(a.left, b.left);"
          + " return JSON.stringify({x: left + scrollX, y: a.top + scrollY,"
          + " width: Math.max(a.right, b.right) - left, height: b.bottom - a.top}); })()")));
      JsonObject clip = box.put("height", Math.min(box.getDouble("height"), 16_000)).put("scale", 1);
      String data = send("Page.captureScreenshot", new JsonObject().put("format", "png")
          .put("captureBeyondViewport", true).put("clip", clip)).getString("data");
      return Base64.getDecoder().decode(data);
    }

    /** What the page's Content-Security-Policy refused since it loaded: the directive and what it blocked. */
    public List<Object> violations() {
      Object found = evaluate("window.__violations || []");
      return found instanceof JsonArray array ? array.getList() : List.of(found);
    }

    /** Exceptions, console errors and failed loads the page reported. */
    public List<String> problems() {
      return List.copyOf(problems);
    }
  }

  /** Ends the browser and the processes it started (renderers, zygote), then the client; removes the profile. */
  @Override
  public void close() throws InterruptedException, IOException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    Bus.await(vertx.close());
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }
}
