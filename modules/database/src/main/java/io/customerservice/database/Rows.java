package io.customerservice.database;

import io.vertx.sqlclient.RowSet;

/** Reading result sets that hold at most one row of interest. */
public final class Rows {

  private Rows() {
  }

  /** The first row, or null when there is none. */
  public static <T> T firstOrNull(RowSet<T> rows) {
    return rows.iterator().hasNext() ? rows.iterator().next() : null;
  }
}
