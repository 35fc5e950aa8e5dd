package io.customerservice.http;

import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.customer.ListQuery;
import io.netty.handler.codec.http.QueryStringEncoder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Django REST framework's PageNumberPagination: {@code {"count", "next", "previous", "results"}},
 * the links being the request's own path and query with another {@code page} (none for the first
 * page). The links start with the configured public base URL, never with the request's Host: a
 * client chooses that header, so echoing it would let anyone plant links to their own site in the
 * answers a cache or a log keeps. With no base configured the links are relative.
 */
final class Pagination {

  private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");
  /** What may stand in a path unencoded (RFC 3986 pchar, the slash and escapes already made). */
  private static final String PATH_CHARACTERS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/%";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final String publicBaseUrl;

  /** {@code publicBaseUrl} is empty or an absolute URL without a trailing slash (see {@link HttpSettings}). */
  Pagination(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl;
  }

  JsonObject page(RoutingContext ctx, JsonObject storePage, JsonArray results) {
    long count = storePage.getLong(CustomerMessages.COUNT);
    int page = storePage.getInteger(ListQuery.PAGE);
    int size = storePage.getInteger(ListQuery.PAGE_SIZE);
    return new JsonObject()
        .put("count", count)
        .put("next", (long) page * size < count ? link(ctx, page + 1) : null)
        .put("previous", page > 1 ? link(ctx, page - 1) : null)
        .put("results", results);
  }

  private String link(RoutingContext ctx, int page) {
    QueryStringEncoder encoder = new QueryStringEncoder(publicBaseUrl + canonicalPath(ctx));
    for (Map.Entry<String, String> param : ctx.queryParams()) {
      if (!param.getKey().equalsIgnoreCase(ListQuery.PAGE)) { // the parameters are read without regard to case
        encoder.addParam(param.getKey(), param.getValue());
      }
    }
    if (page > 1) {
      encoder.addParam(ListQuery.PAGE, Integer.toString(page));
    }
    return encoder.toString();
  }

  /**
   * The path the route matched, as one link: repeated slashes made one (so {@code //api/...} cannot
   * become a protocol-relative link to another host), and any character a path may not hold
   * unencoded percent-encoded as UTF-8.
   */
  private static String canonicalPath(RoutingContext ctx) {
    String path = REPEATED_SLASHES.matcher(ctx.normalizedPath()).replaceAll("/");
    StringBuilder link = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (PATH_CHARACTERS.indexOf(c) >= 0) {
        link.append(c);
      } else {
        link.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return link.toString();
  }
}
