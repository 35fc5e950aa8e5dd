package io.customerservice.web;

import io.customerservice.contract.BusHeaders;
import io.customerservice.contract.ServiceFailure;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends the HTTP edge's event-bus requests, each with the configured timeout and the request id,
 * and turns every failure (including "no handler" and timeouts) into a {@link ServiceFailure}.
 */
public final class BusClient {

  private final EventBus eventBus;
  private final long timeoutMs;

  public BusClient(EventBus eventBus, long timeoutMs) {
    this.eventBus = eventBus;
    this.timeoutMs = timeoutMs;
  }

  public Future<JsonObject> request(String address, JsonObject body, RoutingContext ctx) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMs);
    String requestId = ctx == null ? null : RequestLog.idOf(ctx);
    if (requestId != null) {
      options.addHeader(BusHeaders.REQUEST_ID, requestId);
    }
    return eventBus.<JsonObject>request(address, body, options)
        .map(Message::body)
        .recover(error -> Future.failedFuture(ServiceFailure.from(error)));
  }
}
