package io.customerservice.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A service's OpenAPI document and Swagger UI, where drf-spectacular would have served them: the
 * document at {@code /api/schema/}, the UI at {@code /api/docs/} from the swagger-ui webjar, so
 * neither needs the internet. Neither asks for a token. The document is a resource of the
 * service's jar, copied there from {@code docs/openapi/} by its pom, so what is served is what is
 * checked in.
 */
public final class ApiDocs {

  public static final String SCHEMA_PATH = "/api/schema";
  public static final String DOCS_PATH = "/api/docs";
  /** Swagger UI's own files (scripts, styles, icons) live under the page's path; they are no operation of either API. */
  public static final String ASSETS_PATH = DOCS_PATH + "/*";

  private static final String OWN_FILES = "io/customerservice/web/api-docs/";
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final String PAGE = "index.html";
  private static final String INITIALIZER = "swagger-initializer.js";
  /**
   * Swagger UI runs its own scripts and fetches only from this origin; its components set style
   * attributes, and its icons are data URIs. The API's own answers are JSON and carry no policy.
   */
  private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
      + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** What {@code /api/schema/} can answer, the first being the answer when the client has no preference (drf-spectacular's order). */
  private enum Representation {
    OPENAPI_YAML("application", "vnd.oai.openapi", "yaml"),
    YAML("application", "yaml", "yaml"),
    OPENAPI_JSON("application", "vnd.oai.openapi+json", "json"),
    JSON("application", "json", "json");

    private final String type;
    private final String subtype;
    private final String format;

    Representation(String type, String subtype, String format) {
      this.type = type;
      this.subtype = subtype;
      this.format = format;
    }

    String mediaType() {
      return type + "/" + subtype;
    }

    boolean acceptedBy(MIMEHeader accepted) {
      return (accepted.component().equals("*") || accepted.component().equalsIgnoreCase(type))
          && (accepted.subComponent().equals("*") || accepted.subComponent().equalsIgnoreCase(subtype));
    }

    /** {@code ?format=}, as Django REST framework's format override reads it: the first representation of that format. */
    static Representation ofFormat(String format) {
      for (Representation representation : values()) {
        if (representation.format.equals(format)) {
          return representation;
        }
      }
      return null;
    }
  }

  private final Buffer yaml;
  private final Buffer json;
  private final Buffer page;
  private final Buffer initializer;
  private final StaticHandler assets;

  private ApiDocs(String yamlText, Buffer page, Buffer initializer, String swaggerUiVersion) {
    this.yaml = Buffer.buffer(yamlText, StandardCharsets.UTF_8.name());
    if (!(toJson(new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText), "the top") instanceof JsonObject document)) {
      throw new IllegalStateException("The OpenAPI document is not a YAML mapping");
    }
    this.json = Buffer.buffer(document.encodePrettily());
    this.page = page;
    this.initializer = initializer;
    this.assets = StaticHandler.create(WEBJAR + swaggerUiVersion);
  }

  /** The document at {@code resource} on the classpath (YAML), read and converted once, off the event loop. */
  public static Future<ApiDocs> load(Vertx vertx, String resource) {
    return vertx.executeBlocking(() -> {
      Properties swaggerUi = new Properties();
      swaggerUi.load(new ByteArrayInputStream(read(OWN_FILES + "swagger-ui.properties").getBytes()));
      return new ApiDocs(read(resource).toString(StandardCharsets.UTF_8), read(OWN_FILES + PAGE), read(OWN_FILES + INITIALIZER),
          swaggerUi.getProperty("version"));
    });
  }

  /** {@code /api/schema/} and {@code /api/docs/}, each with or without the trailing slash as every route here. */
  public void mount(Router router) {
    router.get(SCHEMA_PATH).handler(this::schema);
    router.get(DOCS_PATH).handler(ctx -> file(ctx, page, "text/html; charset=utf-8"));
    router.get(ASSETS_PATH).handler(this::asset);
  }

  /**
   * YAML unless asked otherwise, as drf-spectacular: {@code ?format=json} or {@code ?format=yaml}
   * decides, else the {@code Accept} header; a format no representation has is 404, an
   * {@code Accept} none satisfies is 406, both as Django REST framework answers them.
   */
  private void schema(RoutingContext ctx) {
    String format = ctx.queryParams().get("format");
    Representation chosen = format != null ? Representation.ofFormat(format) : negotiated(ctx);
    if (chosen == null) {
      throw format != null ? new HttpProblem(404, "Not found.") : new HttpProblem(406, "Could not satisfy the request Accept header.");
    }
    ctx.response()
        .putHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT)
        .putHeader(HttpHeaders.CONTENT_TYPE, chosen.mediaType())
        .end(chosen.format.equals("json") ? json : yaml);
  }

  private static Representation negotiated(RoutingContext ctx) {
    if (ctx.request().getHeader(HttpHeaders.ACCEPT) == null) {
      return Representation.OPENAPI_YAML;
    }
    for (MIMEHeader accepted : ctx.parsedHeaders().accept()) {
      // q=0 refuses a type. Not isPermitted(): at vertx-web 5.0.8 it answers true for exactly those.
      if (accepted.weight() <= 0) {
        continue;
      }
      for (Representation representation : Representation.values()) {
        if (representation.acceptedBy(accepted)) {
          return representation;
        }
      }
    }
    return null;
  }

  /** Our page and initializer in place of the webjar's (which point at the petstore on the internet), its files for the rest. */
  private void asset(RoutingContext ctx) {
    String name = ctx.pathParam("*");
    if (name == null || name.isEmpty() || name.equals(PAGE)) {
      file(ctx, page, "text/html; charset=utf-8");
    } else if (name.equals(INITIALIZER)) {
      file(ctx, initializer, "text/javascript; charset=utf-8");
    } else {
      withPagePolicy(ctx);
      assets.handle(ctx);
    }
  }

  private static void file(RoutingContext ctx, Buffer content, String type) {
    withPagePolicy(ctx).putHeader(HttpHeaders.CONTENT_TYPE, type).end(content);
  }

  private static HttpServerResponse withPagePolicy(RoutingContext ctx) {
    return ctx.response().putHeader("Content-Security-Policy", PAGE_POLICY).putHeader("X-Content-Type-Options", "nosniff");
  }

  private static Buffer read(String resource) throws IOException {
    try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no resource " + resource + " on the classpath");
      }
      return Buffer.buffer(in.readAllBytes());
    }
  }

  /**
   * The YAML tree as JSON. YAML reads an unquoted status code as a number, so numeric keys become
   * text; anything JSON cannot hold (a YAML date, a binary) stops the start, naming where it is.
   */
  private static Object toJson(Object node, String where) {
    if (node instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      map.forEach((key, value) -> {
        if (!(key instanceof String || key instanceof Integer || key instanceof Long)) {
          throw new IllegalStateException("The OpenAPI document has a key that is not text at " + where + ": " + key);
        }
        object.put(key.toString(), toJson(value, where + "." + key));
      });
      return object;
    }
    if (node instanceof List<?> list) {
      JsonArray array = new JsonArray();
      for (int i = 0; i < list.size(); i++) {
        array.add(toJson(list.get(i), where + "[" + i + "]"));
      }
      return array;
    }
    if (node == null || node instanceof String || node instanceof Boolean || node instanceof Integer || node instanceof Long
        || node instanceof Double || node instanceof java.math.BigInteger) {
      return node;
    }
    throw new IllegalStateException("The OpenAPI document holds a " + node.getClass().getSimpleName() + " at " + where
        + ", which JSON cannot: quote it");
  }
}
