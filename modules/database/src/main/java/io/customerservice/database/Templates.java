package io.customerservice.database;

import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.templates.SqlTemplate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A client's statements by their text, each parsed once: {@link SqlTemplate} parses its text when
 * it is made, which per request was a visible part of a write's CPU (bench/README.md, round 6).
 * The first texts asked for are kept, up to a bound (a repository's fixed statements, and the
 * shapes its writes and list pages take); a text past the bound is made each time it is asked
 * for, so no client can push the others out. Map it with {@code mapTo}, which keeps the parse.
 */
public final class Templates {

  private static final int MAX_KEPT = 256;

  private final SqlClient client;
  private final ConcurrentMap<String, SqlTemplate<Map<String, Object>, RowSet<Row>>> kept = new ConcurrentHashMap<>();

  public Templates(SqlClient client) {
    this.client = client;
  }

  /** The statement {@code text}, with {@code #{name}} parameters, on this client. */
  public SqlTemplate<Map<String, Object>, RowSet<Row>> of(String text) {
    SqlTemplate<Map<String, Object>, RowSet<Row>> template = kept.get(text);
    if (template != null) {
      return template;
    }
    template = SqlTemplate.forQuery(client, text);
    if (kept.size() < MAX_KEPT) {
      kept.putIfAbsent(text, template);
    }
    return template;
  }
}
