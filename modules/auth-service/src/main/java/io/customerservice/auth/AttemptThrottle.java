package io.customerservice.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.shareddata.Shareable;
import java.time.Duration;

/**
 * Limits on the requests that cost a password hash, per email and per client address, over a
 * window (a count is forgotten that long after it last changed). An attempt is counted before its password is
 * checked, so concurrent guesses cannot all pass the limit while the first hashes run; a
 * successful login then clears its email's count and gives its address's attempt back. Kept in
 * memory, one per process (every verticle instance shares it): a restart forgives.
 */
final class AttemptThrottle implements Shareable {

  private static final String EMAIL = "login-email:";
  private static final String ADDRESS = "login-address:";
  private static final String REGISTRATION = "register-address:";

  private final Cache<String, Integer> attempts;
  private final int maxPerEmail;
  private final int maxPerAddress;
  private final int maxRegistrationsPerAddress;
  private final Duration window;

  AttemptThrottle(int maxPerEmail, int maxPerAddress, int maxRegistrationsPerAddress, Duration window) {
    this.maxPerEmail = maxPerEmail;
    this.maxPerAddress = maxPerAddress;
    this.maxRegistrationsPerAddress = maxRegistrationsPerAddress;
    this.window = window;
    this.attempts = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(1_000_000).build();
  }

  /** Counts a login for the email (its {@link EmailKey}) and the address; false, counting nothing, when either is at its limit. */
  boolean tryLogin(String emailKey, String address) {
    if (!take(EMAIL + emailKey, maxPerEmail)) {
      return false;
    }
    if (!take(ADDRESS + address, maxPerAddress)) {
      giveBack(EMAIL + emailKey);
      return false;
    }
    return true;
  }

  /** A login that was counted succeeded: its email starts over and its address has the attempt back. */
  void loggedIn(String emailKey, String address) {
    attempts.invalidate(EMAIL + emailKey);
    giveBack(ADDRESS + address);
  }

  /** Counts a registration from the address; false, counting nothing, when the address is at its limit. */
  boolean tryRegistration(String address) {
    return take(REGISTRATION + address, maxRegistrationsPerAddress);
  }

  long retryAfterSeconds() {
    return window.toSeconds();
  }

  private boolean take(String key, int max) {
    Integer counted = attempts.getIfPresent(key);
    if (counted != null && counted >= max) {
      return false; // read, not written: a refused attempt must not push the end of the window back
    }
    boolean[] taken = {false};
    attempts.asMap().compute(key, (k, count) -> {
      int now = count == null ? 0 : count;
      taken[0] = now < max;
      return taken[0] ? now + 1 : now;
    });
    return taken[0];
  }

  private void giveBack(String key) {
    attempts.asMap().computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
  }
}
