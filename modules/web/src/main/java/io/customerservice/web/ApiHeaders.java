package io.customerservice.web;

/**
 * The headers of our own that the HTTP APIs read or write, spelled once: the routes use them, and
 * the edge's CORS lets a browser's script send or read each.
 */
public final class ApiHeaders {

  /** A caller's key that makes a retried write a replay (the increment). */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** On an answer that replays the first one given for its key. */
  public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
  /** The request's id, given by the caller or made up, echoed and logged. */
  public static final String REQUEST_ID = "X-Request-Id";

  private ApiHeaders() {
  }
}
