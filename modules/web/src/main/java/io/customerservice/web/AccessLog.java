package io.customerservice.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code access} logger, handed over in batches. A logging call per
 * request cost a write(2) and, as often as not, a futex wake-up of the logging thread, a large
 * part of {@code GET profile/}'s throughput (bench/README.md). Lines gather on the event loop that
 * served them and go to the logger together, at most {@link #FLUSH_DELAY_MS} later, at once when
 * {@link #BATCH_CHARS} are waiting, and when the server shuts down. One instance per HTTP server,
 * used only from its verticle's event loop.
 */
final class AccessLog {

  private static final String LOGGER = "access";
  private static final long FLUSH_DELAY_MS = 100;
  private static final int BATCH_CHARS = 32 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneId.systemDefault());

  private final Vertx vertx;
  private final StringBuilder pending = new StringBuilder(BATCH_CHARS + 1024);
  private long formattedMillis = Long.MIN_VALUE;
  private String formattedTime;
  private long flushTimer = -1;

  AccessLog(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The line the console pattern wrote before: time, level, thread, logger, request id, then the request. */
  void record(String requestId, HttpMethod method, String path, int status, long elapsedMs) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    pending.append(time(System.currentTimeMillis())).append(" INFO  [").append(Thread.currentThread().getName())
        .append("] ").append(LOGGER).append(' ').append(requestId).append(" - ")
        .append(method.name()).append(' ').append(path).append(' ').append(status).append(' ').append(elapsedMs).append(" ms\n");
    if (pending.length() >= BATCH_CHARS) {
      flush();
    } else if (flushTimer < 0) {
      flushTimer = vertx.setTimer(FLUSH_DELAY_MS, fired -> {
        flushTimer = -1;
        flush();
      });
    }
  }

  /** Hands every waiting line to the logger now. */
  void flush() {
    if (flushTimer >= 0) {
      vertx.cancelTimer(flushTimer);
      flushTimer = -1;
    }
    if (!pending.isEmpty()) {
      LOG.info(pending.toString());
      pending.setLength(0);
    }
  }

  /** Formatting a timestamp costs more than the rest of a line; one per millisecond is enough. */
  private String time(long millis) {
    if (millis != formattedMillis) {
      formattedTime = TIME.format(Instant.ofEpochMilli(millis));
      formattedMillis = millis;
    }
    return formattedTime;
  }
}
