package io.customerservice.auth;

import io.customerservice.contract.Addresses;
import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.TextRules;
import io.customerservice.contract.UserRole;
import io.customerservice.contract.auth.AuthMessages;
import io.customerservice.contract.customer.Uuids;
import io.customerservice.database.DatabaseFailures;
import io.customerservice.web.BearerToken;
import io.customerservice.web.ClientAddresses;
import io.customerservice.web.HttpProblem;
import io.customerservice.web.JsonBody;
import io.customerservice.web.Responses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The seed's authentication service endpoints. Password hashing runs on worker threads; the
 * event loop only routes, reads and writes.
 */
final class AuthRoutes {

  static final String BASE = "/api/auth";
  private static final String TOKEN_INVALID = "Token is invalid or expired";
  /** simplejwt's TokenObtainPairView, word for word: a wrong email and a wrong password read the same. */
  private static final String LOGIN_REFUSED = "No active account found with the given credentials";
  private static final Map<String, ServiceFailure> CONSTRAINT_FACTS = UserRepository.CONSTRAINT_FACTS;
  private static final Set<String> PROFILE_FIELDS = Set.of(UserInput.EMAIL, UserInput.FIRST_NAME, UserInput.LAST_NAME, UserInput.PHONE);

  private final Vertx vertx;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final UserInput input;
  private final AttemptThrottle throttle;
  private final ClientAddresses clients;
  private final TokenIssuer tokens;
  private final String unknownUserHash;

  AuthRoutes(Vertx vertx, UserRepository users, PasswordHasher hasher, UserInput input, AttemptThrottle throttle,
      ClientAddresses clients, TokenIssuer tokens, String unknownUserHash) {
    this.vertx = vertx;
    this.users = users;
    this.hasher = hasher;
    this.input = input;
    this.throttle = throttle;
    this.clients = clients;
    this.tokens = tokens;
    this.unknownUserHash = unknownUserHash;
  }

  void mount(Router router) {
    router.post(BASE + "/register").handler(this::register);
    router.post(BASE + "/login").handler(this::login);
    router.post(BASE + "/token/refresh").handler(this::refresh);
    router.post(BASE + "/token/verify").handler(this::verify);
    router.get(BASE + "/profile").handler(this::profile);
    router.patch(BASE + "/profile/update").handler(this::updateProfile);
    router.put(BASE + "/profile/update").handler(this::updateProfile);
    router.get(BASE + "/users/:id").handler(this::lookup);
    router.get(BASE + "/users").handler(this::findByEmail);
    router.post(BASE + "/users").handler(this::createUser);
  }

  /** Always a new customer, answered as the seed's register view does ({@code user} and {@code tokens}); staff users come from an admin or the create-user command. */
  private void register(RoutingContext ctx) {
    JsonObject user = input.registration(JsonBody.of(ctx));
    if (!throttle.tryRegistration(clients.of(ctx.request()))) {
      throw throttled();
    }
    create(user).onComplete(created -> Responses.json(ctx, 201, withTokens(created)), ctx::fail);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    FieldErrors errors = new FieldErrors();
    String email = body.getValue(UserInput.EMAIL) instanceof String text && !text.isBlank() ? text.strip() : null;
    String password = body.getValue(UserInput.PASSWORD) instanceof String text && !text.isEmpty() ? text : null;
    if (email == null) {
      errors.add(UserInput.EMAIL, "This field is required.");
    } else if (email.codePointCount(0, email.length()) > UserInput.MAX_EMAIL) {
      // No user has a longer one, and each refused spelling would cost the throttle a key.
      errors.add(UserInput.EMAIL, "Ensure this field has no more than " + UserInput.MAX_EMAIL + " characters.");
    } else {
      TextRules.refuse(UserInput.EMAIL, email, errors);
    }
    if (password == null) {
      errors.add(UserInput.PASSWORD, "This field is required.");
    }
    errors.throwIfAny();
    String emailKey = EmailKey.of(email);
    String address = clients.of(ctx.request());
    if (!throttle.tryLogin(emailKey, address)) {
      throw throttled();
    }
    stored(users.credentials(email)).compose(found -> vertx.executeBlocking(() ->
            // An unknown email costs the same hashing as a wrong password: the timing tells nothing.
            hasher.matches(password, found == null ? unknownUserHash : found.getString(UserInput.PASSWORD)) && found != null)
        .map(matches -> {
          if (!matches) {
            throw HttpProblem.notAuthenticated(LOGIN_REFUSED, null);
          }
          throttle.loggedIn(emailKey, address);
          found.remove(UserInput.PASSWORD);
          return found;
        }))
        .onComplete(user -> Responses.json(ctx, 200, tokens.pair(user).put("user", user)), ctx::fail);
  }

  /** simplejwt's TokenRefreshView: a new access token, with the user's current data. */
  private void refresh(RoutingContext ctx) {
    String refresh = requiredToken(JsonBody.of(ctx), TokenIssuer.REFRESH);
    tokens.decode(refresh)
        .recover(error -> Future.failedFuture(HttpProblem.notAuthenticated(TOKEN_INVALID, HttpProblem.TOKEN_NOT_VALID)))
        .compose(claims -> TokenIssuer.REFRESH.equals(tokens.tokenType(claims))
            ? activeUser(tokens.userId(claims))
            : Future.failedFuture(HttpProblem.notAuthenticated("Token has wrong type", HttpProblem.TOKEN_NOT_VALID)))
        .onComplete(user -> Responses.json(ctx, 200, new JsonObject().put(TokenIssuer.ACCESS, tokens.access(user))), ctx::fail);
  }

  /** simplejwt's TokenVerifyView: 200 with an empty object for a good token of any type. */
  private void verify(RoutingContext ctx) {
    String token = requiredToken(JsonBody.of(ctx), AuthMessages.TOKEN);
    tokens.decode(token).onComplete(
        claims -> Responses.json(ctx, 200, new JsonObject()),
        error -> ctx.fail(HttpProblem.notAuthenticated(TOKEN_INVALID, HttpProblem.TOKEN_NOT_VALID)));
  }

  private void profile(RoutingContext ctx) {
    caller(ctx).onComplete(user -> Responses.json(ctx, 200, user), ctx::fail);
  }

  /** Email, names and phone; a change is announced so caches of the user drop their copy. */
  private void updateProfile(RoutingContext ctx) {
    JsonObject changes = input.update(JsonBody.of(ctx));
    caller(ctx).compose(current -> {
      JsonObject next = new JsonObject();
      PROFILE_FIELDS.forEach(field -> next.put(field, changes.containsKey(field) ? changes.getValue(field) : current.getValue(field)));
      UUID id = UUID.fromString(current.getString("id"));
      return stored(users.update(id, next)).map(updated -> {
        if (updated == null) {
          throw HttpProblem.notAuthenticated("User not found", "user_not_found");
        }
        vertx.eventBus().publish(Addresses.AUTH_EVENTS_USER_CHANGED, AuthMessages.userChanged(id));
        return updated;
      });
    }).onComplete(user -> Responses.json(ctx, 200, user), ctx::fail);
  }

  /**
   * For other services: staff may read any user, a customer only themselves. A signed staff
   * token is enough (its user need not exist here): services and tools call with one.
   */
  private void lookup(RoutingContext ctx) {
    UUID id = Uuids.parse(ctx.pathParam("id")).orElseThrow(() -> new HttpProblem(404, "Not found."));
    signedAccess(ctx).compose(claims -> {
      if (!isStaff(claims) && !id.toString().equals(tokens.userId(claims))) {
        return Future.failedFuture(HttpProblem.forbidden());
      }
      return stored(users.find(id)).map(AuthRoutes::found);
    }).onComplete(user -> Responses.json(ctx, 200, user), ctx::fail);
  }

  /** {@code GET /api/auth/users/?email=...}: staff only. */
  private void findByEmail(RoutingContext ctx) {
    String email = ctx.queryParams().get(UserInput.EMAIL);
    if (email == null || email.isBlank()) {
      throw HttpProblem.invalid(UserInput.EMAIL, "This query parameter is required.");
    }
    FieldErrors errors = new FieldErrors();
    TextRules.refuse(UserInput.EMAIL, email.strip(), errors);
    errors.throwIfAny();
    signedAccess(ctx).compose(claims -> isStaff(claims)
            ? stored(users.findByEmail(email.strip())).map(AuthRoutes::found)
            : Future.failedFuture(HttpProblem.forbidden()))
        .onComplete(user -> Responses.json(ctx, 200, user), ctx::fail);
  }

  /** DRF's throttled answer, before any password is hashed. */
  private HttpProblem throttled() {
    return new HttpProblem(429, "Request was throttled. Expected available in " + throttle.retryAfterSeconds() + " seconds.")
        .header("Retry-After", Long.toString(throttle.retryAfterSeconds()));
  }

  private static JsonObject found(JsonObject user) {
    if (user == null) {
      throw new HttpProblem(404, "Not found.");
    }
    return user;
  }

  private boolean isStaff(JsonObject claims) {
    return claims.getValue(tokens.roleClaim()) instanceof String role && UserRole.fromClaim(role).map(UserRole::isStaff).orElse(false);
  }

  /** The claims of the request's access token, checked for signature, expiry and type only. */
  private Future<JsonObject> signedAccess(RoutingContext ctx) {
    String token = BearerToken.of(ctx);
    return tokens.decode(token)
        .recover(error -> Future.failedFuture(HttpProblem.tokenNotValid()))
        .map(claims -> {
          if (!TokenIssuer.ACCESS.equals(tokens.tokenType(claims))) {
            throw HttpProblem.tokenNotValid();
          }
          return claims;
        });
  }

  /** An admin creates a user of any role, staff included. */
  private void createUser(RoutingContext ctx) {
    JsonObject user = input.newUser(JsonBody.of(ctx));
    caller(ctx).compose(caller -> UserRole.ADMIN.claim().equals(caller.getString(UserInput.ROLE))
            ? create(user)
            : Future.failedFuture(HttpProblem.forbidden()))
        .onComplete(created -> Responses.json(ctx, 201, created), ctx::fail);
  }

  /** Hashes the password off the event loop, then stores the user. */
  private Future<JsonObject> create(JsonObject user) {
    String password = (String) user.remove(UserInput.PASSWORD);
    return vertx.executeBlocking(() -> hasher.hash(password)).compose(encoded -> stored(users.insert(user, encoded)));
  }

  /** The active user the request's access token names, or 401. */
  private Future<JsonObject> caller(RoutingContext ctx) {
    return signedAccess(ctx).compose(claims -> activeUser(tokens.userId(claims)));
  }

  private Future<JsonObject> activeUser(String userId) {
    return stored(Uuids.parse(userId).map(users::find).orElse(Future.succeededFuture(null))).map(user -> {
      if (user == null) {
        throw HttpProblem.notAuthenticated("User not found", "user_not_found");
      }
      return user;
    });
  }

  private JsonObject withTokens(JsonObject user) {
    return new JsonObject().put("user", user).put("tokens", tokens.pair(user));
  }

  private static String requiredToken(JsonObject body, String field) {
    if (!(body.getValue(field) instanceof String token) || token.isBlank()) {
      throw HttpProblem.invalid(field, "This field is required.");
    }
    return token;
  }

  private static <T> Future<T> stored(Future<T> operation) {
    return operation.recover(error -> Future.failedFuture(DatabaseFailures.map(error, CONSTRAINT_FACTS)));
  }
}
