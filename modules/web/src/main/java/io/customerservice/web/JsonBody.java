package io.customerservice.web;

import io.customerservice.contract.FieldErrors;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** The request body as a JSON object, refused as Django REST framework's JSONParser would refuse it. */
public final class JsonBody {

  private static final String JSON = "application/json";

  private JsonBody() {
  }

  /** The body; an empty body is an empty object. */
  public static JsonObject of(RoutingContext ctx) {
    RequestBody body = ctx.body();
    if (body == null || body.length() <= 0) {
      return new JsonObject();
    }
    String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.split(";")[0].strip().toLowerCase(Locale.ROOT).equals(JSON)) {
      throw new HttpProblem(415, "Unsupported media type \"" + (type == null ? "" : type) + "\" in request.");
    }
    Object value;
    try {
      value = Json.decodeValue(body.buffer());
    } catch (DecodeException e) {
      throw new HttpProblem(400, "JSON parse error - the body is not valid JSON.");
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw new HttpProblem(400, new JsonObject().put(FieldErrors.NON_FIELD_ERRORS,
        new JsonArray().add("Invalid data. Expected a dictionary, but got " + typeName(value) + ".")));
  }

  private static String typeName(Object value) {
    if (value instanceof JsonArray) {
      return "list";
    }
    if (value instanceof String) {
      return "str";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    return value == null ? "NoneType" : value instanceof Number n && n.doubleValue() % 1 != 0 ? "float" : "int";
  }
}
