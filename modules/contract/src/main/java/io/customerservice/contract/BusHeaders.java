package io.customerservice.contract;

/** Event-bus message headers our services set. */
public final class BusHeaders {

  /** The id of the HTTP request (or other unit of work) a message belongs to, for the logs. */
  public static final String REQUEST_ID = "x-request-id";

  private BusHeaders() {
  }
}
