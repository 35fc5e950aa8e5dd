package io.customerservice.app;

import io.customerservice.contract.UserRole;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.runtime.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Mints an access token in the authentication service's layout, signed with the configured
 * (or development) secret: for trying the API with curl and for scripts, not for production.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Print an access token (simplejwt layout) signed with the configured HS* secret.")
final class TokenCommand implements Callable<Integer> {

  @Mixin
  private ConfOption conf;

  @Option(names = "--role", defaultValue = "customer", description = "customer, employee or admin (default: ${DEFAULT-VALUE}).")
  private String role;

  @Option(names = "--user-id", description = "The user's UUID (default: a new one).")
  private UUID userId;

  @Option(names = "--email", defaultValue = "test@example.com", description = "Default: ${DEFAULT-VALUE}.")
  private String email;

  @Option(names = "--first-name", defaultValue = "Test")
  private String firstName;

  @Option(names = "--last-name", defaultValue = "User")
  private String lastName;

  @Option(names = "--minutes", defaultValue = "60", description = "Lifetime (default: ${DEFAULT-VALUE}).")
  private int minutes;

  private final java.io.PrintStream out;

  TokenCommand() {
    this(System.out);
  }

  TokenCommand(java.io.PrintStream out) {
    this.out = out;
  }

  @Override
  public Integer call() throws Exception {
    if (UserRole.fromClaim(role).isEmpty()) {
      System.err.println("customer-service token: --role must be customer, employee or admin");
      return 2;
    }
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject config = DevelopmentSecret.fillIn(ConfigLoader.loadNow(vertx, conf.file));
      JwtSettings jwt = JwtSettings.from(new Settings(config));
      if (!jwt.usesSharedSecret()) {
        System.err.println("customer-service token: " + JwtSettings.JWT_ALGORITHM + " is " + jwt.algorithm()
            + "; only HS* tokens can be minted here");
        return 2;
      }
      out.println(AccessTokens.mint(vertx, jwt, userId == null ? UUID.randomUUID() : userId, email, firstName, lastName, role, minutes));
      return 0;
    } finally {
      vertx.close();
    }
  }
}
