package io.customerservice.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Bounds on a JSON value, so that what is accepted can always be stored exactly and written
 * back: nesting depth, members and items in all, finite numbers only (an overflowing {@code 1e400}
 * would come back as the string "Infinity") and text that UTF-8 can carry (an unpaired surrogate
 * would come back as "?"). With {@link TextRules} on, every member name and string must also
 * pass those.
 */
public final class JsonLimits {

  private final int maxDepth;
  private final int maxMembers;
  private final boolean textRules;

  public JsonLimits(int maxDepth, int maxMembers, boolean textRules) {
    this.maxDepth = maxDepth;
    this.maxMembers = maxMembers;
    this.textRules = textRules;
  }

  /** What is wrong with {@code value}, or null when it is within the limits. A scalar has depth 0, {@code {}} depth 1. */
  public String problem(Object value) {
    int[] members = {0};
    return walk(value, 1, members);
  }

  /** Adds {@code field}'s message to {@code errors} when {@code value} is beyond the limits; whether it was. */
  public boolean refuse(String field, Object value, FieldErrors errors) {
    String problem = problem(value);
    if (problem != null) {
      errors.add(field, problem);
    }
    return problem != null;
  }

  private String walk(Object value, int depth, int[] members) {
    if (value instanceof JsonObject || value instanceof JsonArray || value instanceof Map || value instanceof Iterable) {
      if (depth > maxDepth) {
        return "Nested more than " + maxDepth + " levels deep.";
      }
      Iterable<?> children = value instanceof JsonObject object ? object.getMap().entrySet()
          : value instanceof Map<?, ?> map ? map.entrySet()
          : (Iterable<?>) value;
      for (Object child : children) {
        if (++members[0] > maxMembers) {
          return "Holds more than " + maxMembers + " members and items in all.";
        }
        Object item = child;
        if (value instanceof JsonObject || value instanceof Map) {
          Map.Entry<?, ?> entry = (Map.Entry<?, ?>) child;
          String nameProblem = text(String.valueOf(entry.getKey()));
          if (nameProblem != null) {
            return "Member name: " + nameProblem;
          }
          item = entry.getValue();
        }
        String problem = walk(item, depth + 1, members);
        if (problem != null) {
          return problem;
        }
      }
      return null;
    }
    if (value instanceof String text) {
      return text(text);
    }
    if ((value instanceof Double d && !Double.isFinite(d)) || (value instanceof Float f && !Float.isFinite(f))) {
      return "Numbers must be finite (this one is out of range).";
    }
    return null;
  }

  private String text(String text) {
    return textRules ? TextRules.problem(text) : TextRules.unpairedSurrogate(text);
  }
}
