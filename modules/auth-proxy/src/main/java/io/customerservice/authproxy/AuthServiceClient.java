package io.customerservice.authproxy;

import io.customerservice.contract.FailureCode;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.auth.AuthMessages;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP calls to the authentication service, each inside the one circuit breaker for it.
 * An answer (a user, "no such user", "token invalid", "not allowed") is a success for the
 * breaker; only 5xx, timeouts and connection failures count against it. The client's own
 * timeout is shorter than the breaker's, so a slow call ends at the socket, not only in the
 * breaker's bookkeeping.
 */
final class AuthServiceClient {

  private static final Logger LOG = LoggerFactory.getLogger(AuthServiceClient.class);
  private static final String BREAKER_NAME = "auth-service";

  /**
   * How a lookup ended: the user, "no such user" (neither set), or the failure that kept the
   * service from answering. Failures are values rather than failed futures so the cache can
   * share them with concurrent waiters and drop them at once, without treating them as errors.
   */
  record UserLookup(JsonObject user, ServiceFailure failure) {
    static UserLookup of(JsonObject user) {
      return new UserLookup(user, null);
    }

    static UserLookup failed(Throwable error) {
      return new UserLookup(null, ServiceFailure.from(error));
    }

    boolean found() {
      return user != null;
    }

    boolean failed() {
      return failure != null;
    }
  }

  private final AuthServiceEndpoint endpoint;
  private final AuthProxySettings settings;
  private final CircuitBreaker breaker;
  private final BreakerMetrics metrics;

  AuthServiceClient(Vertx vertx, AuthServiceEndpoint endpoint, AuthProxySettings settings) {
    this.endpoint = endpoint;
    this.settings = settings;
    this.breaker = CircuitBreaker.create(BREAKER_NAME, vertx, new CircuitBreakerOptions()
            .setMaxFailures(settings.breakerMaxFailures())
            .setTimeout(settings.breakerTimeoutMs())
            .setResetTimeout(settings.breakerResetTimeoutMs())
            .setMaxRetries(0)
            .setFallbackOnFailure(false))
        .openHandler(v -> LOG.warn("Circuit breaker {} OPEN: failing fast for {} ms", BREAKER_NAME, settings.breakerResetTimeoutMs()))
        .halfOpenHandler(v -> LOG.info("Circuit breaker {} HALF-OPEN: letting one call probe the service", BREAKER_NAME))
        .closeHandler(v -> LOG.info("Circuit breaker {} CLOSED: the service answers again", BREAKER_NAME))
        .failurePolicy(AuthServiceClient::countsAgainstTheService);
    this.metrics = new BreakerMetrics(breaker);
  }

  /** A refusal from the service (401/403) is its answer, not a sign that it is down. */
  private static boolean countsAgainstTheService(AsyncResult<?> result) {
    return result.failed() && !(result.cause() instanceof ServiceFailure);
  }

  /** {@code call} inside the breaker, counted by outcome. */
  private <T> Future<T> guarded(Supplier<Future<T>> call) {
    return breaker.<T>execute(call).andThen(done -> metrics.record(done, countsAgainstTheService(done)));
  }

  String breakerState() {
    return breaker.state().name();
  }

  /** The lookup by id; never a failed future (see {@link UserLookup}). */
  Future<UserLookup> fetchUser(UUID userId, String callerToken) {
    return fetch(settings.userPath(userId), callerToken);
  }

  /** The lookup by email; never a failed future. */
  Future<UserLookup> fetchUserByEmail(String email, String callerToken) {
    return fetch(settings.userByEmailPath(email), callerToken);
  }

  private Future<UserLookup> fetch(String path, String callerToken) {
    return guarded(() -> endpoint.client().compose(client -> {
      HttpRequest<Buffer> request = client.get(path).timeout(settings.timeoutMs());
      authorize(request, settings.credentialFor(callerToken));
      return request.send().map(AuthServiceClient::lookup);
    })).recover(error -> AuthServiceClient.<UserLookup>unavailable(error).recover(failure -> Future.succeededFuture(UserLookup.failed(failure))));
  }

  /** Whether the service accepts the token (simplejwt's TokenVerifyView: 200 valid, 401 not). */
  Future<Boolean> verify(String token) {
    return this.<Boolean>guarded(() -> endpoint.client().compose(client ->
        client.post(settings.verifyPath()).timeout(settings.timeoutMs())
            .sendJsonObject(AuthMessages.validate(token))
            .map(response -> switch (response.statusCode()) {
              case 200 -> true;
              case 400, 401 -> false;
              default -> throw upstreamFailure(response);
            }))).recover(AuthServiceClient::unavailable);
  }

  private static UserLookup lookup(HttpResponse<Buffer> response) {
    return switch (response.statusCode()) {
      case 200 -> UserLookup.of(normalised(response.bodyAsJsonObject()));
      // 400: the key cannot name a user at all (a character no email may hold): nobody, not an outage.
      case 400, 404 -> UserLookup.of(null);
      case 401, 403 -> throw ServiceFailure.of(FailureCode.FORBIDDEN, "The authentication service refused the lookup.");
      default -> throw upstreamFailure(response);
    };
  }

  /** The user in our shape, whether the service answers it bare or as {"user": {...}}. */
  private static JsonObject normalised(JsonObject body) {
    JsonObject user = body.getValue(AuthMessages.USER) instanceof JsonObject wrapped ? wrapped : body;
    JsonObject normalised = new JsonObject();
    for (String field : AuthMessages.USER_FIELDS) {
      normalised.put(field, user.getValue(field));
    }
    return normalised;
  }

  private static void authorize(HttpRequest<Buffer> request, String token) {
    if (token != null && !token.isEmpty()) {
      request.bearerTokenAuthentication(token);
    }
  }

  private static RuntimeException upstreamFailure(HttpResponse<Buffer> response) {
    return new IllegalStateException("the authentication service answered " + response.statusCode());
  }

  /** Answers of the service pass through; everything else is "unavailable" to our callers. */
  private static <T> Future<T> unavailable(Throwable error) {
    if (error instanceof ServiceFailure failure) {
      return Future.failedFuture(failure);
    }
    return Future.failedFuture(ServiceFailure.unavailable("The authentication service is unavailable: " + error.getMessage()));
  }
}
