package io.customerservice.contract;

import java.util.Arrays;
import java.util.Optional;

/** The authentication service's user roles, as its tokens spell them in {@code user_role}. */
public enum UserRole {
  CUSTOMER("customer"),
  EMPLOYEE("employee"),
  ADMIN("admin");

  private final String claim;

  UserRole(String claim) {
    this.claim = claim;
  }

  public String claim() {
    return claim;
  }

  public boolean isStaff() {
    return this != CUSTOMER;
  }

  public static Optional<UserRole> fromClaim(String value) {
    return Arrays.stream(values()).filter(r -> r.claim.equals(value)).findFirst();
  }
}
