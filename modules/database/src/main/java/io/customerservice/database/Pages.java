package io.customerservice.database;

import io.customerservice.contract.customer.CustomerMessages;
import io.customerservice.contract.customer.ListQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

/** A page reply from a count and the page's rows, as Django REST framework's paginator answers. */
public final class Pages {

  private Pages() {
  }

  /** The number a {@code SELECT count(*)} answered. */
  public static Future<Long> count(Future<RowSet<Row>> counted) {
    return counted.map(rows -> rows.iterator().next().getLong(0));
  }

  /**
   * The page, from the count of all the rows that match and the page's rows; "Invalid page."
   * (NOT_FOUND) for a page past the end, except the first.
   */
  public static Future<JsonObject> of(ListQuery query, Future<Long> counted, Future<RowSet<JsonObject>> rows) {
    return Future.all(counted, rows).compose(done -> {
      long total = counted.result();
      if (query.page() > 1 && query.offset() >= total) {
        return Future.failedFuture(ListQuery.invalidPage());
      }
      JsonArray results = new JsonArray();
      rows.result().forEach(results::add);
      return Future.succeededFuture(CustomerMessages.pageReply(query, total, results));
    });
  }
}
