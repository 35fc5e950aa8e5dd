package io.customerservice.web;

import io.customerservice.runtime.LogContext;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event per request on the {@code access} logger, with the request id (and the trace and span
 * ids of a traced request) in the MDC as every other line has them, so any logback encoder (the pattern, JSON) formats it. Writing is the
 * appender's business: the jar's logback.xml gathers the lines and writes them in batches off the
 * event loop ({@code app.BatchingConsoleAppender}).
 */
final class AccessLog {

  private static final Logger LOG = LoggerFactory.getLogger("access");

  private AccessLog() {
  }

  static void record(String requestId, SpanContext span, HttpMethod method, String path, int status, long elapsedMs) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    try (LogContext ids = LogContext.open(requestId, span)) {
      LOG.info("{} {} {} {} ms", method.name(), path, status, elapsedMs);
    }
  }
}
