package io.customerservice.app;

import io.customerservice.auth.AuthSettings;
import io.customerservice.auth.StaffAccounts;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.runtime.config.ConfigException;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Creates a user of any role in the companion authentication service: how the first admin comes
 * to be. The password is read from standard input (one line), never from the command line where
 * other users of the machine could see it. With the embedded database it starts it, so run it
 * while the service is stopped (afterwards, admins use POST /api/auth/users/).
 */
@Command(name = "create-user", mixinStandardHelpOptions = true,
    description = "Create a user (an employee or admin, say) in the companion authentication service; the password is read from standard input.")
final class CreateUserCommand implements Callable<Integer> {

  @Mixin
  private ConfOption conf;

  @Option(names = "--email", required = true)
  private String email;

  @Option(names = "--first-name", required = true)
  private String firstName;

  @Option(names = "--last-name", required = true)
  private String lastName;

  @Option(names = "--phone")
  private String phone;

  @Option(names = "--role", required = true, description = "customer, employee or admin.")
  private String role;

  private final PrintStream out;

  CreateUserCommand() {
    this(System.out);
  }

  CreateUserCommand(PrintStream out) {
    this.out = out;
  }

  private static int refused(ServiceFailure failure) {
    System.err.println("customer-service create-user: " + (failure.fieldErrors().isEmpty() ? failure.detail() : failure.fieldErrors().encode()));
    return 1;
  }

  @Override
  public Integer call() throws Exception {
    String password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    Vertx vertx = Vertx.vertx();
    EmbeddedDatabase embedded = null;
    try {
      JsonObject config = DevelopmentSecret.fillIn(ConfigLoader.loadNow(vertx, conf.file));
      DatabaseSettings db = DatabaseSettings.from(new Settings(config));
      if (db.embedded()) {
        AppSettings app = AppSettings.from(config);
        embedded = EmbeddedDatabase.start(app.embeddedDataDir(), app.embeddedPort(), db.database(), db.user());
        config = config.copy().mergeIn(embedded.connectionKeys());
        db = DatabaseSettings.from(new Settings(config));
      }
      AuthSettings auth = AuthSettings.from(new Settings(config));
      JsonObject user = StaffAccounts.create(vertx, db, auth, new JsonObject()
              .put("email", email).put("first_name", firstName).put("last_name", lastName)
              .put("phone_number", phone).put("password", password == null ? "" : password).put("user_role", role))
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      out.println(user.encodePrettily());
      return 0;
    } catch (ExecutionException e) {
      return refused(ServiceFailure.from(e.getCause()));
    } catch (ServiceFailure invalid) {
      return refused(invalid);
    } catch (ConfigException e) {
      System.err.println("customer-service create-user: " + e.getMessage());
      return 2;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      if (embedded != null) {
        embedded.close();
      }
    }
  }
}
