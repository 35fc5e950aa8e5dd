package io.customerservice.customers;

/**
 * The customer aggregate's schema: the profiles and their service history, migrated by
 * {@code classpath:db/customers}. Both data verticles of this module (the store and the history)
 * migrate it, so either role can start first on a new database.
 */
public final class CustomerSchema {

  public static final String NAME = "customers";

  private CustomerSchema() {
  }
}
