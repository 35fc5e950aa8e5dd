package io.customerservice.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Standard error for busy loggers (the access log): each event is encoded where it is logged, by
 * whichever encoder is configured, and the bytes gather in a buffer that one thread of this
 * appender writes out every {@link #FLUSH_MILLIS}, or as soon as {@link #BUFFER_BYTES} are waiting.
 * A write(2) per line, and a wake-up of a logging thread per line, were a large part of a cheap
 * request's cost (bench/README.md); an event loop here only appends to a buffer. When standard
 * error does not keep up and {@link #MAX_BUFFERS} buffers' worth wait, events are dropped rather
 * than stall the loop. Stopping the logging context (at exit) writes what is left.
 */
public final class BatchingConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

  private static final long FLUSH_MILLIS = 100;
  private static final int BUFFER_BYTES = 32 * 1024;
  private static final int MAX_BUFFERS = 8;

  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private final OutputStream out = new FileOutputStream(FileDescriptor.err);
  private Encoder<ILoggingEvent> encoder;
  private ScheduledExecutorService writer;

  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("No encoder set for the appender named [" + name + "].");
      return;
    }
    writer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "log-writer-" + name);
      thread.setDaemon(true);
      return thread;
    });
    writer.scheduleWithFixedDelay(this::write, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    byte[] line = encoder.encode(event);
    boolean full;
    synchronized (pending) {
      if (pending.size() >= MAX_BUFFERS * BUFFER_BYTES) {
        return;
      }
      pending.writeBytes(line);
      full = pending.size() >= BUFFER_BYTES;
    }
    if (full) {
      writer.execute(this::write);
    }
  }

  /** Only the writer thread (and {@link #stop}, after it) writes, so lines keep their order. */
  private void write() {
    byte[] lines;
    synchronized (pending) {
      if (pending.size() == 0) {
        return;
      }
      lines = pending.toByteArray();
      pending.reset();
    }
    try {
      out.write(lines);
    } catch (IOException e) {
      addError("Cannot write to standard error", e);
    }
  }

  @Override
  public void stop() {
    if (!isStarted()) {
      return;
    }
    super.stop();
    writer.shutdown();
    try {
      writer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    write();
  }
}
