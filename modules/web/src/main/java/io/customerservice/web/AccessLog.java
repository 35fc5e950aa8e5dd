package io.customerservice.web;

import io.customerservice.runtime.Responder;
import io.vertx.core.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One event per request on the {@code access} logger, with the request id in the MDC as every
 * other line has it, so any logback encoder (the pattern, JSON) formats it. Writing is the
 * appender's business: the jar's logback.xml gathers the lines and writes them in batches off the
 * event loop ({@code app.BatchingConsoleAppender}).
 */
final class AccessLog {

  private static final Logger LOG = LoggerFactory.getLogger("access");

  private AccessLog() {
  }

  static void record(String requestId, HttpMethod method, String path, int status, long elapsedMs) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    MDC.put(Responder.MDC_REQUEST_ID, requestId);
    try {
      LOG.info("{} {} {} {} ms", method.name(), path, status, elapsedMs);
    } finally {
      MDC.remove(Responder.MDC_REQUEST_ID);
    }
  }
}
