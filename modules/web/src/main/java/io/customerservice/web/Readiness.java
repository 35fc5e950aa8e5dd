package io.customerservice.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** What a verticle's {@code /health/ready} depends on, checked on each probe. */
@FunctionalInterface
public interface Readiness {

  /** The outcome of one probe: whether requests can be served, and each dependency's state in words. */
  record Report(boolean ready, JsonObject checks) {
  }

  Future<Report> check();
}
