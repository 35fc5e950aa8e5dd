package io.customerservice.http;

import io.customerservice.contract.Addresses;
import io.customerservice.runtime.CoalescedLookups;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.web.BusClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge's reads of one customer. The reads asked during one turn of the event loop travel as
 * one {@code customers.profile.get-many} request (see {@link CoalescedLookups}): when the store
 * runs in another process, a message costs each side a socket write, a read and JSON work, so one
 * per turn instead of one per read is what keeps the split cheap. A turn's reads go out at most
 * 64 to a request (CoalescedLookups' batch), within the {@link CustomerMessages#MAX_KEYS} a
 * get-many may carry.
 */
final class CustomerReads {

  private final CoalescedLookups<String> byUser;
  private final CoalescedLookups<String> byId;

  /** {@code context} is the one every call comes from: the HTTP verticle's. */
  CustomerReads(Context context, BusClient bus) {
    this.byUser = lookups(context, bus, true);
    this.byId = lookups(context, bus, false);
  }

  private static CoalescedLookups<String> lookups(Context context, BusClient bus, boolean byUser) {
    String keyMember = byUser ? CustomerKey.USER_ID : CustomerKey.ID;
    return CoalescedLookups.perTurn(context, CoalescedLookups.keyedBy(
        keys -> bus.request(Addresses.CUSTOMERS_PROFILE_GET_MANY, CustomerMessages.getMany(byUser, keys), null)
            .map(CustomerReads::results),
        customer -> customer.getString(keyMember)));
  }

  private static List<JsonObject> results(JsonObject reply) {
    List<JsonObject> customers = new ArrayList<>();
    reply.getJsonArray(CustomerMessages.RESULTS).forEach(customer -> customers.add((JsonObject) customer));
    return customers;
  }

  /** The customer, or NOT_FOUND. */
  Future<JsonObject> find(CustomerKey key) {
    Future<JsonObject> found = key.byUser() ? byUser.find(key.userId().toString()) : byId.find(key.id().toString());
    return found.compose(customer -> customer != null
        ? Future.succeededFuture(customer)
        : Future.failedFuture(CustomerMessages.notFound(key)));
  }
}
