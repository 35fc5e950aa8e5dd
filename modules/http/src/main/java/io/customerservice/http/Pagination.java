package io.customerservice.http;

import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.customer.ListQuery;
import io.netty.handler.codec.http.QueryStringEncoder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Django REST framework's PageNumberPagination: {@code {"count", "next", "previous", "results"}},
 * the links being the request's own URL with another {@code page} (none for the first page).
 */
final class Pagination {

  private Pagination() {
  }

  static JsonObject page(RoutingContext ctx, JsonObject storePage, JsonArray results) {
    long count = storePage.getLong(CustomerMessages.COUNT);
    int page = storePage.getInteger(ListQuery.PAGE);
    int size = storePage.getInteger(ListQuery.PAGE_SIZE);
    return new JsonObject()
        .put("count", count)
        .put("next", (long) page * size < count ? link(ctx, page + 1) : null)
        .put("previous", page > 1 ? link(ctx, page - 1) : null)
        .put("results", results);
  }

  private static String link(RoutingContext ctx, int page) {
    String uri = ctx.request().absoluteURI();
    int query = uri.indexOf('?');
    QueryStringEncoder encoder = new QueryStringEncoder(query < 0 ? uri : uri.substring(0, query));
    for (Map.Entry<String, String> param : ctx.queryParams()) {
      if (!param.getKey().equals(ListQuery.PAGE)) {
        encoder.addParam(param.getKey(), param.getValue());
      }
    }
    if (page > 1) {
      encoder.addParam(ListQuery.PAGE, Integer.toString(page));
    }
    return encoder.toString();
  }
}
