package io.customerservice.web;

import io.customerservice.contract.FieldErrors;
import io.customerservice.contract.JsonLimits;
import io.customerservice.contract.TextRules;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The request body as a JSON object, refused as Django REST framework's JSONParser would refuse
 * it; {@link JsonBodies} has already refused bodies that are not JSON.
 */
public final class JsonBody {

  /** Any request body: deep enough for every message here, shallow enough for every codec. */
  private static final JsonLimits BODY = new JsonLimits(32, Integer.MAX_VALUE, false);

  private JsonBody() {
  }

  /** The body; an empty body is an empty object. */
  public static JsonObject of(RoutingContext ctx) {
    RequestBody body = ctx.body();
    if (body == null || body.length() <= 0) {
      return new JsonObject();
    }
    Object value;
    try {
      value = Json.decodeValue(body.buffer());
    } catch (RuntimeException e) {
      // A DecodeException, or anything else the codec throws on what a client sent: all parse errors.
      throw new HttpProblem(400, beyondParserLimits(e)
          ? "JSON parse error - the body nests too deeply, or holds a number or a text too long to read."
          : "JSON parse error - the body is not valid JSON.");
    }
    if (value instanceof JsonObject object) {
      return withinLimits(object);
    }
    throw new HttpProblem(400, new JsonObject().put(FieldErrors.NON_FIELD_ERRORS,
        new JsonArray().add("Invalid data. Expected a dictionary, but got " + typeName(value) + ".")));
  }

  /**
   * Refuses, naming the member, what no field may hold: an overflowing number, an unpaired
   * surrogate, nesting past {@link #BODY}. Fields check the rest of their own rules.
   */
  private static JsonObject withinLimits(JsonObject body) {
    FieldErrors errors = new FieldErrors();
    for (Map.Entry<String, Object> member : body) {
      String nameProblem = TextRules.unpairedSurrogate(member.getKey());
      String problem = nameProblem != null ? nameProblem : BODY.problem(member.getValue());
      if (problem != null) {
        errors.add(nameProblem != null ? FieldErrors.NON_FIELD_ERRORS : member.getKey(), problem);
      }
    }
    errors.throwIfAny();
    return body;
  }

  private static boolean beyondParserLimits(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StreamConstraintsException) {
        return true;
      }
    }
    return false;
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
