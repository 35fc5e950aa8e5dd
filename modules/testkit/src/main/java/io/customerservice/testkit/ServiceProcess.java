package io.customerservice.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real launcher in a JVM of its own (on the test classpath, with a small heap), started and
 * waited for as an operator would. Tests close it in a finally block, so no process outlives them.
 */
public final class ServiceProcess implements AutoCloseable {

  /** The launcher's main class; the testkit cannot name it (it is not a dependency). */
  private static final String MAIN = "io.customerservice.app.Main";

  private final Process process;

  private ServiceProcess(Process process) {
    this.process = process;
  }

  /**
   * Starts {@code Main --conf conf [args]}, logging to {@code log}, and returns once it is ready:
   * {@code /health/ready} at {@code readyApi} answers 200 or, with no {@code readyApi} (a process
   * serving no customer API), the launcher has logged that it started.
   */
  public static ServiceProcess start(Path conf, Path log, HttpApi readyApi, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-cp", System.getProperty("java.class.path"), MAIN, "--conf", conf.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("the service exited: " + Files.readString(log));
      }
      if (readyApi == null ? started(log) : ready(readyApi)) {
        return new ServiceProcess(process);
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("the service did not become ready: " + Files.readString(log));
  }

  private static boolean ready(HttpApi api) {
    try {
      return api.get("/health/ready").send().status() == 200;
    } catch (RuntimeException notYet) {
      return false;
    }
  }

  private static boolean started(Path log) throws IOException {
    String text = Files.readString(log);
    return text.contains("customer-service listening on") || text.contains("customer-service started:");
  }

  /** SIGKILL: no shutdown hook runs. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, and the wait for the clean shutdown. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
  }
}
