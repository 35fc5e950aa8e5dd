package io.customerservice.auth;

import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.database.DatabaseFailures;
import io.customerservice.database.OwnedSchema;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Creating a user of any role outside the HTTP API: how an operator makes the first admin (the
 * admin API needs one to exist). Same validation, hashing and storage as the service itself.
 */
public final class StaffAccounts {

  private StaffAccounts() {
  }

  /** Creates the user ({@code email, first_name, last_name, phone_number?, password, user_role}); the user as stored. */
  public static Future<JsonObject> create(Vertx vertx, DatabaseSettings db, AuthSettings settings, JsonObject fields) {
    JsonObject user = new UserInput(new PasswordRules(settings.passwordMinLength())).newUser(fields);
    String password = (String) user.remove(UserInput.PASSWORD);
    PasswordHasher hasher = new PasswordHasher(settings.passwordIterations());
    return OwnedSchema.open(vertx, db, UserRepository.SCHEMA).compose(pool ->
        vertx.executeBlocking(() -> hasher.hash(password))
            .compose(encoded -> new UserRepository(pool).insert(user, encoded))
            .recover(error -> Future.failedFuture(DatabaseFailures.map(error, UserRepository.CONSTRAINT_FACTS)))
            .eventually(pool::close));
  }
}
