package io.customerservice.database;

import io.customerservice.contract.config.DatabaseSettings;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/**
 * The process's one PostgreSQL pool. It is a shared, named pool: every instance of every verticle
 * that asks for it gets the same connections, so the connection budget is {@code db.pool.size}
 * per process however many instances run. Vert.x closes it when the last user is undeployed.
 */
public final class DatabasePool {

  private static final String NAME = "customer-service-db";

  private DatabasePool() {
  }

  public static Pool create(Vertx vertx, DatabaseSettings db) {
    PgConnectOptions connect = new PgConnectOptions()
        .setHost(db.host())
        .setPort(db.port())
        .setDatabase(db.database())
        .setUser(db.user())
        .setPassword(db.password())
        .setCachePreparedStatements(true);
    PoolOptions pool = new PoolOptions()
        .setName(NAME)
        .setShared(true)
        .setMaxSize(db.poolSize())
        .setMaxWaitQueueSize(db.poolWaitQueue())
        .setConnectionTimeout(db.acquireTimeoutMs())
        .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
    NetClientOptions net = new NetClientOptions().setConnectTimeout(db.connectTimeoutMs());
    return PgBuilder.pool().with(pool).with(net).connectingTo(connect).using(vertx).build();
  }
}
