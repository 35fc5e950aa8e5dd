package io.customerservice.app;

import io.customerservice.importer.LegacyImporter.Progress;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Rows done, rate and time left: rewritten in place about once a second on a terminal, a line
 * every ten seconds when the output is a file or a pipe.
 */
final class ProgressLine implements Consumer<Progress> {

  private final PrintStream err;
  private final boolean terminal = System.console() != null;
  private long lastPrinted;

  ProgressLine(PrintStream err) {
    this.err = err;
  }

  @Override
  public void accept(Progress progress) {
    long now = System.nanoTime();
    boolean last = progress.done() >= progress.total();
    if (!last && now - lastPrinted < (terminal ? 1_000_000_000L : 10_000_000_000L)) {
      return;
    }
    lastPrinted = now;
    double seconds = Math.max(0.001, (now - progress.startedNanos()) / 1e9);
    double rate = progress.done() / seconds;
    long left = rate > 0 ? (long) ((progress.total() - progress.done()) / rate) : 0;
    String line = String.format("%,d / %,d rows  %,.0f rows/s  %d:%02d left", progress.done(), progress.total(), rate, left / 60, left % 60);
    err.print(terminal ? "\r" + line + (last ? "\n" : "") : line + "\n");
    err.flush();
  }
}
