package io.customerservice.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.customerservice.testkit.HttpApi.Reply;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Response;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A service's OpenAPI document as the service serves it, and the checks that hold the service to
 * it: the routes of its router against the document's operations, and real answers against the
 * operation each request names (vertx-openapi's response validator). It remembers which
 * documented answers were seen, so a test can show that every one of them was produced.
 */
public final class OpenApiDocument {

  /**
   * Media types vertx-openapi refuses in a contract at 5.0.8 (it validates JSON, text and
   * multipart only): they are taken out of the copy it reads, and answers of these types are
   * checked here, by their type being documented for that status and a body being there.
   */
  private static final Set<String> NOT_VALIDATABLE = Set.of("application/vnd.oai.openapi", "application/yaml", "text/html");
  private static final Pattern PATH_PARAMETER = Pattern.compile(":([A-Za-z0-9_]+)");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final JsonObject document;
  private final OpenAPIContract contract;
  private final ResponseValidator validator;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  private OpenApiDocument(Vertx vertx, JsonObject document) {
    this.document = document;
    this.contract = Bus.await(OpenAPIContract.from(vertx, validatable(document)), "the served document is a valid OpenAPI 3.1 contract");
    this.validator = ResponseValidator.create(vertx, contract);
  }

  /** The document the service behind {@code api} serves at {@code /api/schema/}, as JSON. */
  public static OpenApiDocument servedBy(Vertx vertx, HttpApi api) {
    Reply served = api.get("/api/schema/?format=json").send();
    assertEquals(200, served.status(), served::toString);
    assertEquals("application/vnd.oai.openapi+json", served.header("Content-Type"));
    return new OpenApiDocument(vertx, served.json());
  }

  /** The document as served. */
  public JsonObject json() {
    return document;
  }

  /** Sends {@code call} and checks the answer against the operation of its method and path; the answer, checked. */
  public Reply send(HttpApi.Call call) {
    Reply reply = call.send();
    check(call.method(), call.path(), reply);
    return reply;
  }

  /** Checks {@code reply}, the answer to {@code method path}, against the document's operation for them. */
  public void check(String method, String path, Reply reply) {
    String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Operation operation = contract.findOperation(bare, HttpMethod.valueOf(method));
    if (operation == null && !bare.endsWith("/")) {
      // Every path is served with and without its trailing slash, and documented with it, as Django writes it.
      operation = contract.findOperation(bare + "/", HttpMethod.valueOf(method));
    }
    assertNotNull(operation, method + " " + bare + " is no operation of the document");
    String id = operation.getOperationId();
    String type = reply.header("Content-Type");
    if (type != null && NOT_VALIDATABLE.contains(type.split(";")[0].strip())) {
      JsonObject answer = document.getJsonObject("paths").getJsonObject(operation.getOpenAPIPath())
          .getJsonObject(method.toLowerCase(Locale.ROOT)).getJsonObject("responses")
          .getJsonObject(Integer.toString(reply.status()), new JsonObject());
      JsonObject content = resolved(answer).getJsonObject("content", new JsonObject());
      assertTrue(content.containsKey(type.split(";")[0].strip()), id + " " + reply.status() + " does not document " + type);
      assertFalse(reply.text().isEmpty(), id + " answered " + type + " without a body");
    } else {
      Map<String, String> headers = headersAsRead(operation.getResponse(reply.status()), reply);
      ValidatableResponse response = reply.text().isEmpty()
          ? ValidatableResponse.create(reply.status(), headers)
          : ValidatableResponse.create(reply.status(), headers, Buffer.buffer(reply.text()), type);
      Bus.await(validator.validate(response, id), id + " answered " + reply.status() + " " + reply.headers() + " " + reply.text());
    }
    seen.add(id + " " + reply.status());
  }

  /**
   * Every answer the document gives (an operation and a status) was seen in a checked answer,
   * except those {@code notProduced} names ("createOwnProfile 504") and this test cannot bring about.
   */
  public void assertEveryAnswerSeen(Set<String> notProduced) {
    Set<String> documented = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (METHODS.contains(method)) {
          JsonObject operation = item.getJsonObject(method);
          operation.getJsonObject("responses").fieldNames()
              .forEach(status -> documented.add(operation.getString("operationId") + " " + status));
        }
      }
    }
    Set<String> unseen = new TreeSet<>(documented);
    unseen.removeAll(seen);
    unseen.removeAll(notProduced);
    assertEquals(Set.of(), unseen, "documented answers no checked call produced");
    Set<String> stale = new TreeSet<>(notProduced);
    stale.removeAll(documented);
    assertEquals(Set.of(), stale, "answers said not to be produced that the document does not give");
  }

  /**
   * Every route of {@code router} with a path is an operation of the document and every
   * operation is routed, as {@code METHOD /path} with the trailing slash dropped (every route
   * here matches both spellings). Routes under {@code notOperations} (prefix routes whose paths
   * end in a star, as Router#route takes them) are left out: they serve files, not operations.
   */
  public void assertRoutes(Router router, String... notOperations) {
    Set<String> routed = new TreeSet<>();
    for (Route route : router.getRoutes()) {
      String path = route.getPath();
      if (path == null || List.of(notOperations).stream().anyMatch(prefix -> (path + (route.isExactPath() ? "" : "*")).equals(prefix))) {
        continue;
      }
      if (route.methods() == null || route.methods().isEmpty()) {
        fail("route " + path + " answers every method: it should name them");
      }
      String template = PATH_PARAMETER.matcher(withoutTrailingSlash(path)).replaceAll("{$1}");
      route.methods().forEach(method -> routed.add(method.name() + " " + template));
    }
    Set<String> documented = new TreeSet<>();
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      for (String method : paths.getJsonObject(path).fieldNames()) {
        if (METHODS.contains(method)) {
          documented.add(method.toUpperCase(Locale.ROOT) + " " + withoutTrailingSlash(path));
        }
      }
    }
    Set<String> undocumented = new TreeSet<>(routed);
    undocumented.removeAll(documented);
    Set<String> unrouted = new TreeSet<>(documented);
    unrouted.removeAll(routed);
    assertEquals(Set.of(), undocumented, "routes the document does not have");
    assertEquals(Set.of(), unrouted, "operations of the document no route serves");
  }

  /**
   * Every example of a request or response body is valid against that body's schema, and every
   * operation that takes a body has one (Swagger UI fills it in for "Try it out").
   */
  public void assertExamplesMatchSchemas() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    JsonObject paths = document.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!METHODS.contains(method)) {
          continue;
        }
        JsonObject raw = item.getJsonObject(method);
        Operation operation = contract.operation(raw.getString("operationId"));
        if (raw.containsKey("requestBody")) {
          JsonObject content = resolved(raw.getJsonObject("requestBody")).getJsonObject("content");
          for (String type : content.fieldNames()) {
            List<Object> examples = examples(content.getJsonObject(type));
            if (examples.isEmpty()) {
              problems.add(operation.getOperationId() + " request " + type + ": no example");
            }
            checked += check(examples, operation.getRequestBody().getContent().get(type).getSchema(),
                operation.getOperationId() + " request " + type, problems);
          }
        }
        JsonObject responses = raw.getJsonObject("responses");
        for (String status : responses.fieldNames()) {
          JsonObject content = resolved(responses.getJsonObject(status)).getJsonObject("content", new JsonObject());
          for (String type : content.fieldNames()) {
            if (!NOT_VALIDATABLE.contains(type)) {
              checked += check(examples(content.getJsonObject(type)),
                  operation.getResponse(Integer.parseInt(status)).getContent().get(type).getSchema(),
                  operation.getOperationId() + " " + status + " " + type, problems);
            }
          }
        }
      }
    }
    assertEquals(List.of(), problems, "examples that do not fit their schema");
    assertTrue(checked > 0, "the document has examples");
  }

  private List<Object> examples(JsonObject mediaType) {
    List<Object> values = new ArrayList<>();
    if (mediaType.containsKey("example")) {
      values.add(mediaType.getValue("example"));
    }
    JsonObject named = mediaType.getJsonObject("examples", new JsonObject());
    named.fieldNames().forEach(name -> values.add(resolved(named.getJsonObject(name)).getValue("value")));
    return values;
  }

  private int check(List<Object> examples, JsonSchema schema, String where, List<String> problems) {
    for (Object example : examples) {
      OutputUnit result = contract.getSchemaRepository().validator(schema).validate(example);
      if (!Boolean.TRUE.equals(result.getValid())) {
        problems.add(where + ": " + Json.encode(example) + " " + result.getErrors());
      }
    }
    return examples.size();
  }

  /** The object a local {@code $ref} points at (followed until there is none), or {@code node} itself. */
  private JsonObject resolved(JsonObject node) {
    JsonObject current = node;
    while (current.getString("$ref") != null) {
      JsonObject target = document;
      for (String segment : current.getString("$ref").substring(2).split("/")) {
        target = target.getJsonObject(segment.replace("~1", "/").replace("~0", "~"));
      }
      current = target;
    }
    return current;
  }

  private static String withoutTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * The answer's headers as the validator must be given them: it reads a header's value as JSON
   * where it can (at 5.0.8), so {@code "v3"} would reach an ETag's schema as {@code v3} and
   * {@code Bearer realm="api"} would not decode at all. A header the document types as text is
   * handed over as a JSON string, so its schema sees the text as sent.
   */
  private static Map<String, String> headersAsRead(Response documented, Reply reply) {
    Map<String, String> headers = new HashMap<>(reply.headers());
    if (documented != null) {
      for (Parameter header : documented.getHeaders()) {
        String value = reply.header(header.getName());
        if (value != null && header.getSchemaType() == SchemaType.STRING) {
          headers.put(header.getName().toLowerCase(Locale.ROOT), Json.encode(value));
        }
      }
    }
    return headers;
  }

  /** A copy without the media types vertx-openapi cannot hold (see {@link #NOT_VALIDATABLE}). */
  private static JsonObject validatable(JsonObject document) {
    JsonObject copy = document.copy();
    JsonObject paths = copy.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (METHODS.contains(method)) {
          JsonObject responses = item.getJsonObject(method).getJsonObject("responses");
          responses.fieldNames().forEach(status -> withoutUnvalidatable(responses.getJsonObject(status)));
        }
      }
    }
    JsonObject shared = copy.getJsonObject("components", new JsonObject()).getJsonObject("responses", new JsonObject());
    shared.fieldNames().forEach(name -> withoutUnvalidatable(shared.getJsonObject(name)));
    return copy;
  }

  private static void withoutUnvalidatable(JsonObject response) {
    JsonObject content = response.getJsonObject("content");
    if (content != null) {
      NOT_VALIDATABLE.forEach(content::remove);
    }
  }
}
