package io.customerservice.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    return start(Map.of(), conf, log, readyApi, args);
  }

  /** The same, with {@code environment} added to the process's ({@code OTEL_*} variables). */
  public static ServiceProcess start(Map<String, String> environment, Path conf, Path log, HttpApi readyApi, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("--conf", conf.toString()));
    command.addAll(List.of(args));
    return start(environment, command, log, () -> readyApi == null ? started(log) : ready(readyApi));
  }

  /** Starts {@code Main subcommand --conf conf} and returns once {@code log} holds {@code line}. */
  public static ServiceProcess startUntilLogged(String subcommand, Path conf, Path log, String line) throws IOException, InterruptedException {
    return start(Map.of(), List.of(subcommand, "--conf", conf.toString()), log, () -> Files.readString(log).contains(line));
  }

  private interface ReadyCheck {
    boolean ready() throws IOException;
  }

  private static ServiceProcess start(Map<String, String> environment, List<String> args, Path log, ReadyCheck check)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("the service exited: " + Files.readString(log));
      }
      if (check.ready()) {
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

  /** SIGTERM, without waiting: the process is stopping when this returns. */
  public void terminate() {
    process.destroy();
  }

  /** The exit code, once the process has exited within {@code seconds}. */
  public int exitCode(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new AssertionError("the process did not exit within " + seconds + " s");
    }
    return process.exitValue();
  }

  /** SIGTERM, and the wait for the clean shutdown. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
  }
}
