package io.customerservice.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for a condition instead of sleeping for a guessed time: the check runs again until it
 * holds, and once the bound has passed the test fails, saying what it waited for. The bound only
 * limits how long a broken build takes to fail; a passing test waits no longer than the condition
 * takes, however slow or fast the machine. The pauses between checks start at a few milliseconds
 * and grow, so that a long wait (another process starting) does not keep the machine busy asking.
 */
public final class Eventually {

  /** Ample for anything that happens within a process; a test that waits for processes or a cluster passes its own. */
  public static final Duration BOUND = Duration.ofSeconds(5);
  private static final long FIRST_PAUSE_MS = 2;
  private static final long LONGEST_PAUSE_MS = 50;

  private Eventually() {
  }

  /** Returns once {@code condition} holds; fails if it does not within {@link #BOUND}. */
  public static void await(String what, BooleanSupplier condition) {
    await(BOUND, what, condition);
  }

  public static void await(Duration bound, String what, BooleanSupplier condition) {
    poll(bound, what, condition::getAsBoolean, Boolean::booleanValue, false);
  }

  /**
   * The first value of {@code poll} that {@code done} accepts; fails, naming the last value seen,
   * if none does within {@code bound}.
   */
  public static <T> T awaitValue(Duration bound, String what, Supplier<T> poll, Predicate<? super T> done) {
    return poll(bound, what, poll, done, true);
  }

  private static <T> T poll(Duration bound, String what, Supplier<T> poll, Predicate<? super T> done, boolean showLast) {
    long deadline = System.nanoTime() + bound.toNanos();
    long pauseMs = FIRST_PAUSE_MS;
    while (true) {
      T value = poll.get();
      if (done.test(value)) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + bound.toMillis() + " ms: " + what + (showLast ? "; last seen: " + value : ""));
      }
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + what, e);
      }
      pauseMs = Math.min(2 * pauseMs, LONGEST_PAUSE_MS);
    }
  }
}
