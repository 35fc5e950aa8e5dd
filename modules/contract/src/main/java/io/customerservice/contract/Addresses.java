package io.customerservice.contract;

/**
 * Every event-bus address of the system. Requests are named {@code <owner>.<noun>.<verb>},
 * events {@code <owner>.events.<what>}. Nothing else spells an address.
 */
public final class Addresses {

  public static final String CUSTOMERS_PROFILE_CREATE = "customers.profile.create";
  public static final String CUSTOMERS_PROFILE_GET = "customers.profile.get";
  /** Several customers by one kind of key in one request: one message, not one per read. */
  public static final String CUSTOMERS_PROFILE_GET_MANY = "customers.profile.get-many";
  public static final String CUSTOMERS_PROFILE_EXISTS = "customers.profile.exists";
  public static final String CUSTOMERS_PROFILE_UPDATE = "customers.profile.update";
  public static final String CUSTOMERS_PROFILE_REPLACE = "customers.profile.replace";
  public static final String CUSTOMERS_PROFILE_DELETE = "customers.profile.delete";
  public static final String CUSTOMERS_PROFILE_LIST = "customers.profile.list";
  /** Imports a batch of migrated customers in one transaction; users who already have a profile are skipped. */
  public static final String CUSTOMERS_PROFILE_IMPORT = "customers.profile.import";
  /** Answers {@code {"status": "UP"}} only when the store can reach its database. */
  public static final String CUSTOMERS_HEALTH_CHECK = "customers.health.check";

  /** Records one completed service: appends to the history and bumps the customer's counters. */
  public static final String HISTORY_SERVICE_RECORD = "history.service.record";
  /** A page of a customer's service history, newest first. */
  public static final String HISTORY_SERVICE_LIST = "history.service.list";

  public static final String HISTORY_EVENTS_SERVICE_RECORDED = "history.events.service-recorded";

  /** A user's data from the authentication service (cached, behind a circuit breaker). */
  public static final String AUTH_USERS_GET = "auth.users.get";
  /** Several users' data in one request, for list pages. */
  public static final String AUTH_USERS_GET_MANY = "auth.users.get-many";
  /** A token checked by the authentication service itself (the remote validation mode). */
  public static final String AUTH_TOKENS_VALIDATE = "auth.tokens.validate";
  /** A user's data by email (the importer resolves old records this way). */
  public static final String AUTH_USERS_FIND_BY_EMAIL = "auth.users.find-by-email";
  /** The auth proxy's breaker state and cache figures. */
  public static final String AUTH_PROXY_STATUS = "auth.proxy.status";
  /** Published by the authentication service when a user's email, names, phone or role change. */
  public static final String AUTH_EVENTS_USER_CHANGED = "auth.events.user-changed";

  public static final String CUSTOMERS_EVENTS_CREATED = "customers.events.created";
  public static final String CUSTOMERS_EVENTS_UPDATED = "customers.events.updated";
  public static final String CUSTOMERS_EVENTS_DELETED = "customers.events.deleted";

  private Addresses() {
  }
}
