package io.customerservice.contract.customer;

import io.customerservice.contract.ServiceFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The JSON shapes of the customer store's requests and replies (see docs/event-bus.md). Callers
 * build requests here instead of spelling member names.
 */
public final class CustomerMessages {

  /** The profile fields of a create or replace. */
  public static final String PROFILE = "profile";
  /** The fields a partial update changes. */
  public static final String CHANGES = "changes";
  /** Optional on update, replace and delete: the version the caller read; a stale one is a conflict. */
  public static final String EXPECTED_VERSION = "expected_version";
  /** In a conflict caused by a stale version: the version the customer has now. */
  public static final String CURRENT_VERSION = "current_version";

  /** The keys of a get-many: exactly one of the two, each a list of UUIDs. */
  public static final String USER_IDS = "user_ids";
  public static final String IDS = "ids";
  /** The most keys one get-many may carry. */
  public static final int MAX_KEYS = 100;

  public static final String EXISTS = "exists";
  public static final String CUSTOMER_ID = "customer_id";
  public static final String DELETED = "deleted";
  public static final String COUNT = "count";
  public static final String RESULTS = "results";
  public static final String STATUS = "status";
  public static final String STATUS_UP = "UP";

  private CustomerMessages() {
  }

  public static JsonObject create(UUID userId, JsonObject profile) {
    return new JsonObject().put(CustomerKey.USER_ID, userId.toString()).put(PROFILE, profile);
  }

  public static JsonObject get(CustomerKey key) {
    return key.toJson();
  }

  /** A get-many by user id ({@code byUser}) or by customer id; keys in their canonical form. */
  public static JsonObject getMany(boolean byUser, List<String> keys) {
    return new JsonObject().put(byUser ? USER_IDS : IDS, new JsonArray(new ArrayList<>(keys)));
  }

  /** The customers a get-many found, in no particular order; keys without one are left out. */
  public static JsonObject getManyReply(List<JsonObject> customers) {
    return new JsonObject().put(RESULTS, new JsonArray(new ArrayList<>(customers)));
  }

  /** What a read by {@code key} fails with when there is no such customer. */
  public static ServiceFailure notFound(CustomerKey key) {
    return ServiceFailure.notFound("No customer profile for " + key + ".");
  }

  public static JsonObject exists(UUID userId) {
    return CustomerKey.ofUser(userId).toJson();
  }

  public static JsonObject update(CustomerKey key, JsonObject changes, Integer expectedVersion) {
    return withVersion(key.toJson().put(CHANGES, changes), expectedVersion);
  }

  public static JsonObject replace(CustomerKey key, JsonObject profile, Integer expectedVersion) {
    return withVersion(key.toJson().put(PROFILE, profile), expectedVersion);
  }

  public static JsonObject delete(CustomerKey key, Integer expectedVersion) {
    return withVersion(key.toJson(), expectedVersion);
  }

  public static JsonObject existsReply(UUID customerId) {
    return new JsonObject().put(EXISTS, customerId != null).put(CUSTOMER_ID, customerId == null ? null : customerId.toString());
  }

  public static JsonObject deletedReply(UUID id, UUID userId) {
    return new JsonObject().put(CustomerKey.ID, id.toString()).put(CustomerKey.USER_ID, userId.toString()).put(DELETED, true);
  }

  public static JsonObject pageReply(ListQuery query, long count, JsonArray results) {
    return new JsonObject()
        .put(COUNT, count)
        .put(ListQuery.PAGE, query.page())
        .put(ListQuery.PAGE_SIZE, query.pageSize())
        .put(RESULTS, results);
  }

  private static JsonObject withVersion(JsonObject request, Integer expectedVersion) {
    return expectedVersion == null ? request : request.put(EXPECTED_VERSION, expectedVersion);
  }
}
