package io.customerservice.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL a killed run left behind. The server is a child of the JVM; after a
 * kill -9 or an OOM kill it keeps running, orphaned, and holds the data directory, so the next
 * start would wait and give up. Before starting, this finds such a server (the process that the
 * directory's {@code postmaster.pid} names, alive, a postgres, serving this very directory, while
 * no live run holds the directory's lock) and stops it as PostgreSQL intends: fast shutdown, then
 * immediate if that does not end it in time. A directory held by anything else is refused with
 * the process named.
 */
final class LeftoverServer {

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
  /** zonky's lock on the data directory, held by the JVM that started the server. */
  private static final String RUN_LOCK = "epg-lock";
  private static final String PID_FILE = "postmaster.pid";
  private static final long FAST_SHUTDOWN_SECONDS = 20;
  private static final long IMMEDIATE_SHUTDOWN_SECONDS = 10;

  private LeftoverServer() {
  }

  /** Stops a server a dead run left on {@code dataDir}, if there is one; throws IOException when the directory is someone else's. */
  static void stopIfAny(Path dataDir) throws IOException, InterruptedException {
    Optional<ProcessHandle> holder = pidFileProcess(dataDir);
    if (holder.isEmpty()) {
      return;
    }
    if (heldByLiveRun(dataDir)) {
      return; // zonky refuses the start with its own message, which the caller rewords
    }
    ProcessHandle server = holder.get();
    if (!servesDirectory(server, dataDir)) {
      throw new IOException("the embedded database directory " + dataDir.toAbsolutePath() + " is held by process " + server.pid()
          + " (" + server.info().command().orElse("unknown command") + "), which is not a PostgreSQL server of this directory;"
          + " stop it, or set db.embedded.data-dir to another directory");
    }
    LOG.warn("The embedded PostgreSQL of an earlier run (process {}) is still running on {}: stopping it before starting again",
        server.pid(), dataDir);
    if (!signal(server, "INT", FAST_SHUTDOWN_SECONDS) && !signal(server, "QUIT", IMMEDIATE_SHUTDOWN_SECONDS)) {
      throw new IOException("the embedded PostgreSQL of an earlier run (process " + server.pid() + ") on " + dataDir.toAbsolutePath()
          + " did not stop; stop it (kill " + server.pid() + ") and start again");
    }
  }

  /** The live process {@code postmaster.pid} names (its first line), if the file and the process exist. */
  private static Optional<ProcessHandle> pidFileProcess(Path dataDir) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(dataDir.resolve(PID_FILE), StandardCharsets.UTF_8);
    } catch (NoSuchFileException none) {
      return Optional.empty();
    }
    if (lines.isEmpty()) {
      return Optional.empty();
    }
    try {
      return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    } catch (NumberFormatException torn) {
      return Optional.empty(); // a half-written file: PostgreSQL itself judges it at start
    }
  }

  private static boolean heldByLiveRun(Path dataDir) throws IOException {
    try (FileChannel channel = FileChannel.open(dataDir.resolve(RUN_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException thisJvm) {
      return true;
    }
  }

  /** Whether {@code process} is a postgres whose {@code -D} (or working directory) is {@code dataDir}: PostgreSQL runs in its data directory. */
  private static boolean servesDirectory(ProcessHandle process, Path dataDir) throws IOException {
    boolean postgres = process.info().command().map(command -> Path.of(command).getFileName().toString().equals("postgres")).orElse(false);
    if (!postgres) {
      return false;
    }
    try {
      return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), dataDir);
    } catch (IOException unreadable) {
      return false;
    }
  }

  /** Sends {@code signal} (PostgreSQL: INT is a fast shutdown, QUIT an immediate one) and waits for the process to end. */
  private static boolean signal(ProcessHandle process, String signal, long waitSeconds) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
    try {
      process.onExit().get(waitSeconds, TimeUnit.SECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException stillRunning) {
      return !process.isAlive();
    }
  }
}
