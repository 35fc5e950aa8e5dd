package io.customerservice.database;

import io.customerservice.runtime.config.DatabaseSettings;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlClient;
import java.util.concurrent.TimeUnit;

/**
 * The process's one PostgreSQL pool and its one pipelined client for lookups. Both are shared by
 * name: every instance of every verticle that asks gets the same connections, so the connection
 * budget is {@code db.pool.size} plus {@code db.pool.lookup-connections} per process however many
 * instances run. Vert.x closes them when their last user is undeployed.
 */
final class DatabasePool {

  private static final String NAME = "customer-service-db";
  private static final String LOOKUPS_NAME = "customer-service-db-lookups";
  /**
   * Lookups by a unique key take an array of keys ({@code key = ANY($1)}), whose custom plan
   * PostgreSQL rates cheaper than the generic one: left to choose, it plans every execution again
   * (costing several times the lookup itself). The generic plan is the one wanted for any number of keys.
   */
  private static final String PLAN_CACHE_MODE = "plan_cache_mode";
  private static final String FORCE_GENERIC_PLAN = "force_generic_plan";

  private DatabasePool() {
  }

  static Pool create(Vertx vertx, DatabaseSettings db) {
    return PgBuilder.pool().with(poolOptions(db, NAME, db.poolSize())).with(net(db)).connectingTo(connect(vertx, db)).using(vertx).build();
  }

  /**
   * The pool, and beside it the process's one pipelined client for lookups by key
   * ({@code db.pool.lookup-connections}; with none, lookups use the pool too).
   */
  static Database open(Vertx vertx, DatabaseSettings db) {
    Pool pool = create(vertx, db);
    if (db.lookupConnections() == 0) {
      return new Database(pool, pool, db.poolSize(), db.poolWaitQueue());
    }
    SqlClient lookups = PgBuilder.client()
        .with(poolOptions(db, LOOKUPS_NAME, db.lookupConnections()))
        .with(net(db))
        .connectingTo(connect(vertx, db).addProperty(PLAN_CACHE_MODE, FORCE_GENERIC_PLAN))
        .using(vertx)
        .build();
    return new Database(pool, lookups, db.lookupConnections(), db.poolWaitQueue());
  }

  private static PgConnectOptions connect(Vertx vertx, DatabaseSettings db) {
    if (!db.socketDir().isEmpty() && !vertx.isNativeTransportEnabled()) {
      // Checked here: the client would only say so on the first query, as an internal error.
      throw new IllegalStateException(DatabaseSettings.DB_SOCKET_DIR + " needs the native transport, which is not in use"
          + " (the process was told not to prefer it, or Netty's epoll library did not load)");
    }
    return new PgConnectOptions()
        .setHost(db.connectionHost())
        .setPort(db.port())
        .setDatabase(db.database())
        .setUser(db.user())
        .setPassword(db.password())
        .setCachePreparedStatements(true);
  }

  private static PoolOptions poolOptions(DatabaseSettings db, String name, int size) {
    return new PoolOptions()
        .setName(name)
        .setShared(true)
        .setMaxSize(size)
        .setMaxWaitQueueSize(db.poolWaitQueue())
        .setConnectionTimeout(db.acquireTimeoutMs())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
  }

  private static NetClientOptions net(DatabaseSettings db) {
    return new NetClientOptions().setConnectTimeout(db.connectTimeoutMs());
  }
}
