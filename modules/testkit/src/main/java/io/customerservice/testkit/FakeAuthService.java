package io.customerservice.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the foreign authentication service: a real HTTP server on a free loopback port
 * answering {@code GET /api/auth/users/<id>/} and {@code POST /api/auth/token/verify/}, whose
 * users, latency and failures a test controls, and which counts the calls it gets.
 */
public final class FakeAuthService implements AutoCloseable {

  private static final Pattern USER_PATH = Pattern.compile("/api/auth/users/([0-9a-fA-F-]{36})/");

  private final Vertx vertx = Vertx.vertx();
  private final Map<String, JsonObject> users = new ConcurrentHashMap<>();
  private final AtomicInteger userCalls = new AtomicInteger();
  private final AtomicInteger verifyCalls = new AtomicInteger();
  private final int port;
  private volatile HttpServer server;
  private volatile long delayMs;
  private volatile int failWith;
  private volatile String validToken;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  public FakeAuthService() {
    this.port = FreePort.find();
    start();
  }

  public String url() {
    return "http://127.0.0.1:" + port;
  }

  /** A user the service knows, in its serializer's shape. */
  public JsonObject addUser(String id, String email, String phone) {
    JsonObject user = new JsonObject().put("id", id).put("email", email).put("first_name", "Ada")
        .put("last_name", "Lovelace").put("phone_number", phone).put("user_role", "customer").put("is_active", true);
    users.put(id, user);
    return user;
  }

  /** Answers every call only after {@code ms}. */
  public void delay(long ms) {
    delayMs = ms;
  }

  /** Answers every call with this status (0: behave normally). */
  public void failWith(int status) {
    failWith = status;
  }

  /** The one token the verify endpoint accepts. */
  public void acceptToken(String token) {
    validToken = token;
  }

  public int userCalls() {
    return userCalls.get();
  }

  public int verifyCalls() {
    return verifyCalls.get();
  }

  public String lastAuthorization() {
    return authorizations.isEmpty() ? null : authorizations.get(authorizations.size() - 1);
  }

  /** Every Authorization header received, in order (null when a request had none). */
  public List<String> authorizations() {
    return Collections.unmodifiableList(new ArrayList<>(authorizations));
  }

  /** Stops listening, as a crashed service would. */
  public void stop() {
    Bus.await(server.close());
  }

  /** Listens again on the same port. */
  public void start() {
    server = Bus.await(vertx.createHttpServer().requestHandler(request -> {
      authorizations.add(request.getHeader("Authorization"));
      Matcher user = USER_PATH.matcher(request.path());
      boolean verify = request.path().equals("/api/auth/token/verify/");
      if (user.matches()) {
        userCalls.incrementAndGet();
      } else if (verify) {
        verifyCalls.incrementAndGet();
      }
      request.body().onSuccess(body -> vertx.setTimer(Math.max(1, delayMs), t -> {
        if (failWith != 0) {
          request.response().setStatusCode(failWith).end("{\"detail\":\"failure\"}");
        } else if (user.matches()) {
          JsonObject found = users.get(user.group(1));
          request.response().setStatusCode(found == null ? 404 : 200)
              .end(found == null ? "{\"detail\":\"Not found.\"}" : found.encode());
        } else if (verify) {
          boolean valid = validToken != null && validToken.equals(body.toJsonObject().getString("token"));
          request.response().setStatusCode(valid ? 200 : 401)
              .end(valid ? "{}" : "{\"detail\":\"Token is invalid or expired\",\"code\":\"token_not_valid\"}");
        } else {
          request.response().setStatusCode(404).end();
        }
      }));
    }).listen(port, "127.0.0.1"));
  }

  @Override
  public void close() {
    Bus.await(vertx.close());
  }
}
