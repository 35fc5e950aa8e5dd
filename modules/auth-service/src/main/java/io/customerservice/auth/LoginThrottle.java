package io.customerservice.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed logins counted per email and per client address over a window that restarts with each
 * failure; past the limit, logins are refused (429) before any password is checked. A success
 * clears the email's count. Kept in memory, per instance: a restart forgives.
 */
final class LoginThrottle {

  private final Cache<String, AtomicInteger> failures;
  private final int maxPerEmail;
  private final int maxPerAddress;
  private final Duration window;

  LoginThrottle(int maxPerEmail, int maxPerAddress, Duration window) {
    this.maxPerEmail = maxPerEmail;
    this.maxPerAddress = maxPerAddress;
    this.window = window;
    this.failures = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(1_000_000).build();
  }

  boolean blocked(String email, String address) {
    return count(emailKey(email)) >= maxPerEmail || count(addressKey(address)) >= maxPerAddress;
  }

  void failed(String email, String address) {
    increment(emailKey(email));
    increment(addressKey(address));
  }

  void succeeded(String email) {
    failures.invalidate(emailKey(email));
  }

  long retryAfterSeconds() {
    return window.toSeconds();
  }

  private int count(String key) {
    AtomicInteger count = failures.getIfPresent(key);
    return count == null ? 0 : count.get();
  }

  private void increment(String key) {
    // put() after the increment restarts the window: expiry counts from the last failure.
    AtomicInteger count = failures.get(key, k -> new AtomicInteger());
    count.incrementAndGet();
    failures.put(key, count);
  }

  private static String emailKey(String email) {
    return "email:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
  }

  private static String addressKey(String address) {
    return "address:" + address;
  }
}
