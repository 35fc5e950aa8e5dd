package io.customerservice.http;

import io.customerservice.web.HttpProblem;
import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.customer.CustomerField;
import io.customerservice.contract.customer.CustomerMessages;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic concurrency over HTTP: a customer's ETag is its version ({@code "v3"}); an
 * {@code If-Match} on a write becomes the store's expected version, and a stale one is 412.
 */
final class ETags {

  private static final Pattern VERSION = Pattern.compile("\"v([1-9][0-9]{0,9})\"");
  private static final String ANY = "*";

  private ETags() {
  }

  static String of(JsonObject customer) {
    return "\"v" + customer.getInteger(CustomerField.VERSION.json()) + "\"";
  }

  /** The version {@code If-Match} demands, or null when the request sets none (or "*"). */
  static Integer expectedVersion(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.IF_MATCH);
    if (header == null || header.strip().equals(ANY)) {
      return null;
    }
    Matcher matcher = VERSION.matcher(header.strip());
    if (!matcher.matches()) {
      throw new HttpProblem(412, "If-Match must be one ETag this service gave, such as \"v3\".");
    }
    long version = Long.parseLong(matcher.group(1));
    if (version > Integer.MAX_VALUE) {
      throw new HttpProblem(412, "The resource has changed since it was read.");
    }
    return (int) version;
  }

  /** A stale-version conflict seen through If-Match is a failed precondition (412), not a 409. */
  static Throwable preconditionFailure(Throwable error, Integer expected) {
    ServiceFailure failure = ServiceFailure.from(error);
    if (expected != null && failure.code() == FailureCode.CONFLICT && failure.extra().containsKey(CustomerMessages.CURRENT_VERSION)) {
      return new HttpProblem(412, "The resource has changed since it was read (current ETag \"v"
          + failure.extra().getInteger(CustomerMessages.CURRENT_VERSION) + "\").");
    }
    return failure;
  }
}
