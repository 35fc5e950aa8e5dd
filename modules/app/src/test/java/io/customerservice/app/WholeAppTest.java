package io.customerservice.app;

import static org.junit.jupiter.api.Assertions.*;

import io.customerservice.auth.AuthSettings;
import io.customerservice.http.HttpSettings;
import io.customerservice.runtime.config.ConfigException;
import io.customerservice.runtime.config.DatabaseSettings;
import io.customerservice.runtime.config.JwtSettings;
import io.customerservice.testkit.Bus;
import io.customerservice.testkit.FreePort;
import io.customerservice.testkit.HttpApi;
import io.customerservice.testkit.TestConfig;
import io.customerservice.testkit.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The launcher's deployment of every role, driven with a token from the token command. */
class WholeAppTest {

  @Test
  void aTokenFromTheTokenCommandWorksAgainstTheDeployedRoles(@TempDir Path dir) throws Exception {
    int port = FreePort.find();
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(HttpSettings.HTTP_HOST, "127.0.0.1").put(HttpSettings.HTTP_PORT, port)
        .put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, FreePort.find())
        .put(JwtSettings.JWT_SECRET, "whole-app-test-secret-0123456789-0123456789");
    Path conf = Files.writeString(dir.resolve("test.json"), config.encode());
    UUID user = UUID.randomUUID();
    String token = mint(conf, "--role", "customer", "--user-id", user.toString(), "--email", "ada@example.com");

    Vertx vertx = Vertx.vertx();
    try {
      Bus.await(Launcher.deploy(vertx, AppSettings.from(config)));
      HttpApi api = new HttpApi(port);
      HttpApi.Reply created = api.post("/api/v1/customers/profile/create/").token(token).json(new JsonObject()
          .put("street_address", "1 Main St").put("city", "Portland").put("state", "OR")
          .put("postal_code", "97201").put("country", "USA")).send();
      assertEquals(201, created.status(), created.toString());
      assertEquals(user.toString(), created.json().getString("user_id"));
      assertEquals("ada@example.com", created.json().getString("email"));
      assertEquals(200, api.get("/health/ready").send().status());
    } finally {
      Bus.await(vertx.close());
    }
  }

  @Test
  void aRealDatabaseWithoutASecretStopsStartUpNamingTheKey() {
    JsonObject config = TestConfig.defaults().put(DatabaseSettings.DB_HOST, "db.example.internal");
    ConfigException error = assertThrows(ConfigException.class, () -> AppSettings.from(DevelopmentSecret.fillIn(config)));
    assertTrue(error.getMessage().startsWith("config key 'jwt.secret' (environment JWT_SECRET): is required"), error.getMessage());
    assertDoesNotThrow(() -> AppSettings.from(config.copy().put(AppSettings.ROLES, "customers")),
        "a process without the http role verifies no tokens");
  }

  @Test
  void theDevelopmentSecretIsMadeOnceAndKept(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("data/jwt-secret");
    JsonObject config = TestConfig.defaults().put(AppSettings.JWT_DEV_SECRET_FILE, file.toString());
    String first = DevelopmentSecret.fillIn(config).getString(JwtSettings.JWT_SECRET);
    String second = DevelopmentSecret.fillIn(config).getString(JwtSettings.JWT_SECRET);
    assertTrue(first.length() >= 64, "48 random bytes");
    assertEquals(first, second);
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("given", DevelopmentSecret.fillIn(config.copy().put(JwtSettings.JWT_SECRET, "given")).getString(JwtSettings.JWT_SECRET));
  }

  @Test
  void createUserMakesAStaffAccountThatCanLogIn(@TempDir Path dir) throws Exception {
    int authPort = FreePort.find();
    JsonObject config = TestConfig.withDefaults(TestPostgres.newDatabase())
        .put(AppSettings.ROLES, "auth").put(AuthSettings.AUTH_HOST, "127.0.0.1").put(AuthSettings.AUTH_PORT, authPort)
        .put(JwtSettings.JWT_SECRET, "whole-app-test-secret-0123456789-0123456789").put(AuthSettings.AUTH_PASSWORD_ITERATIONS, 1000);
    Path conf = Files.writeString(dir.resolve("admin.json"), config.encode());
    java.io.InputStream stdin = System.in;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int exit;
    try {
      System.setIn(new java.io.ByteArrayInputStream("Adm1n-Secret!\n".getBytes(StandardCharsets.UTF_8)));
      exit = new CommandLine(new CreateUserCommand(new PrintStream(printed, true, StandardCharsets.UTF_8))).execute(
          "--conf", conf.toString(), "--email", "boss@example.com", "--first-name", "Boss", "--last-name", "Admin", "--role", "admin");
    } finally {
      System.setIn(stdin);
    }
    assertEquals(0, exit);
    assertEquals("admin", new JsonObject(printed.toString(StandardCharsets.UTF_8)).getString("user_role"));

    Vertx vertx = Vertx.vertx();
    try {
      Bus.await(Launcher.deploy(vertx, AppSettings.from(config)));
      HttpApi.Reply login = new HttpApi(authPort).post("/api/auth/login/")
          .json(new JsonObject().put("email", "boss@example.com").put("password", "Adm1n-Secret!")).send();
      assertEquals(200, login.status(), login.toString());
      assertEquals("admin", login.json().getJsonObject("user").getString("user_role"));
    } finally {
      Bus.await(vertx.close());
    }
  }

  private static String mint(Path conf, String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    String[] all = new String[args.length + 2];
    all[0] = "--conf";
    all[1] = conf.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int exit = new CommandLine(new TokenCommand(new PrintStream(captured, true, StandardCharsets.UTF_8))).execute(all);
    assertEquals(0, exit);
    return captured.toString(StandardCharsets.UTF_8).strip();
  }
}
