package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.fail;

import io.customerservice.testkit.HttpApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The real launcher in a JVM of its own (on the test classpath), started and waited for as an operator would. */
final class ServiceProcess implements AutoCloseable {

  private final Process process;

  private ServiceProcess(Process process) {
    this.process = process;
  }

  /** Starts {@code Main --conf conf}, logging to {@code log}, and returns once {@code /health/ready} answers 200. */
  static ServiceProcess start(Path conf, Path log, HttpApi api) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "--conf", conf.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("the service exited: " + Files.readString(log));
      }
      try {
        if (api.get("/health/ready").send().status() == 200) {
          return new ServiceProcess(process);
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new AssertionError("the service did not become ready: " + Files.readString(log));
  }

  /** SIGKILL: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, and the wait for the clean shutdown. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
  }
}
