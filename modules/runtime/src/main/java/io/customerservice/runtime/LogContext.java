package io.customerservice.runtime;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.slf4j.MDC;

/**
 * The ids a log line about one request carries in the MDC, for every encoder to print: the
 * request id, and the trace and span ids when the request is traced (OpenTelemetry's current
 * span; none when tracing is off). Opened around the logging call, on the thread that logs.
 */
public final class LogContext implements AutoCloseable {

  public static final String REQUEST_ID = "request_id";
  public static final String TRACE_ID = "trace_id";
  public static final String SPAN_ID = "span_id";

  private LogContext() {
  }

  /** The ids of {@code requestId} and of the span current on this thread. */
  public static LogContext open(String requestId) {
    return open(requestId, Span.current().getSpanContext());
  }

  public static LogContext open(String requestId, SpanContext span) {
    MDC.put(REQUEST_ID, requestId);
    if (span.isValid()) {
      MDC.put(TRACE_ID, span.getTraceId());
      MDC.put(SPAN_ID, span.getSpanId());
    }
    return new LogContext();
  }

  @Override
  public void close() {
    MDC.remove(REQUEST_ID);
    MDC.remove(TRACE_ID);
    MDC.remove(SPAN_ID);
  }
}
