package io.customerservice.web;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;

/**
 * An answer the HTTP edge gives by itself (authentication, content type, preconditions), with
 * the status, the Django REST framework body and any headers it needs.
 */
public final class HttpProblem extends RuntimeException {

  private final int status;
  private final JsonObject body;
  private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();

  public HttpProblem(int status, String detail) {
    this(status, new JsonObject().put("detail", detail));
  }

  public HttpProblem(int status, JsonObject body) {
    super(body.getString("detail", "HTTP " + status), null, false, false);
    this.status = status;
    this.body = body;
  }

  public HttpProblem header(String name, String value) {
    headers.add(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public JsonObject body() {
    return body;
  }

  public MultiMap headers() {
    return headers;
  }

  /** simplejwt's code for a token it refuses. */
  public static final String TOKEN_NOT_VALID = "token_not_valid";

  /** simplejwt's answer to a token it cannot accept as an access token. */
  public static HttpProblem tokenNotValid() {
    return notAuthenticated("Given token not valid for any token type", TOKEN_NOT_VALID);
  }

  public static HttpProblem notAuthenticated(String detail, String code) {
    JsonObject body = new JsonObject().put("detail", detail);
    if (code != null) {
      body.put("code", code);
    }
    return new HttpProblem(401, body).header("WWW-Authenticate", "Bearer realm=\"api\"");
  }

  public static HttpProblem forbidden() {
    return new HttpProblem(403, "You do not have permission to perform this action.");
  }

  public static HttpProblem invalid(String field, String message) {
    return new HttpProblem(400, new JsonObject().put(field, new io.vertx.core.json.JsonArray().add(message)));
  }
}
