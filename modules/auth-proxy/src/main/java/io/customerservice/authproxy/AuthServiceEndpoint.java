package io.customerservice.authproxy;

import io.customerservice.contract.ServiceFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.servicediscovery.Record;
import io.vertx.servicediscovery.ServiceDiscovery;
import io.vertx.servicediscovery.types.HttpEndpoint;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the authentication service is, found through vertx-service-discovery by record name. The
 * record comes from {@code auth-service.url} (published here, for an external service) or from
 * the companion authentication service itself. The client is made once from the record's
 * location and kept; an announcement about the record drops it, so the next call resolves again.
 * Service discovery is sunset in Vert.x 5, which is why nothing else in the proxy knows about it.
 */
final class AuthServiceEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(AuthServiceEndpoint.class);

  private final Vertx vertx;
  private final ServiceDiscovery discovery;
  private final String recordName;
  private final int maxConnections;
  private Record published;
  private MessageConsumer<JsonObject> announcements;
  private HttpClient http;
  private WebClient client;

  private AuthServiceEndpoint(Vertx vertx, ServiceDiscovery discovery, String recordName, int maxConnections) {
    this.vertx = vertx;
    this.discovery = discovery;
    this.recordName = recordName;
    this.maxConnections = maxConnections;
  }

  /** Opens discovery and, when a URL is configured, publishes the record for it. */
  static Future<AuthServiceEndpoint> open(Vertx vertx, AuthProxySettings settings) {
    ServiceDiscovery discovery = ServiceDiscovery.create(vertx);
    AuthServiceEndpoint endpoint = new AuthServiceEndpoint(vertx, discovery, settings.recordName(), settings.maxConnections());
    endpoint.announcements = vertx.eventBus().<JsonObject>consumer(discovery.options().getAnnounceAddress(), announced -> {
      if (settings.recordName().equals(announced.body().getString("name"))) {
        endpoint.forget();
      }
    });
    if (settings.url().isEmpty()) {
      return Future.succeededFuture(endpoint);
    }
    URI uri = URI.create(settings.url());
    boolean ssl = "https".equals(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
    String root = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    Record record = HttpEndpoint.createRecord(settings.recordName(), ssl, uri.getHost(), port, root, new JsonObject());
    return discovery.publish(record).map(done -> {
      endpoint.published = done;
      LOG.info("Published the authentication service at {} as {}", settings.url(), settings.recordName());
      return endpoint;
    });
  }

  /** The client for the service, or UNAVAILABLE when no record of it exists. */
  Future<WebClient> client() {
    if (client != null) {
      return Future.succeededFuture(client);
    }
    return discovery.getRecord(new JsonObject().put("name", recordName)).compose(record -> {
      if (record == null) {
        return Future.failedFuture(ServiceFailure.unavailable("The authentication service is not registered."));
      }
      if (client == null) {
        // Built here rather than by discovery's reference, to size the connection pool for bursts (list pages, imports).
        JsonObject location = record.getLocation();
        http = vertx.createHttpClient(new HttpClientOptions()
                .setDefaultHost(location.getString("host")).setDefaultPort(location.getInteger("port"))
                .setSsl(location.getBoolean("ssl", false)),
            new PoolOptions().setHttp1MaxSize(maxConnections));
        client = WebClient.wrap(http);
        LOG.info("Using the authentication service at {}", location.getString("endpoint"));
      }
      return Future.succeededFuture(client);
    });
  }

  /** The location may have changed: release the client; the next call resolves it again. */
  private void forget() {
    if (http != null) {
      http.close();
    }
    http = null;
    client = null;
  }

  Future<Void> close() {
    forget();
    announcements.unregister();
    Future<Void> unpublished = published == null ? Future.succeededFuture() : discovery.unpublish(published.getRegistration());
    return unpublished.andThen(done -> discovery.close());
  }
}
