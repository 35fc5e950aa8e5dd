package io.customerservice.example;

import com.hazelcast.config.Config;
import com.hazelcast.config.MultiMapConfig;
import io.customerservice.contract.Addresses;
import io.customerservice.contract.ServiceFailure;
import io.customerservice.contract.customer.CustomerKey;
import io.customerservice.contract.customer.CustomerMessages;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Another JVM service using customer-service over the clustered event bus, with nothing but
 * vertx-core, vertx-hazelcast and the contract module: it joins the cluster, follows every
 * {@code customers.events.*} event and reads profiles with {@code customers.profile.get}.
 *
 * <p>Run it beside a clustered customer-service:
 * {@code java -cp example-consumer.jar:... io.customerservice.example.CustomerEventsConsumer 127.0.0.1}
 */
public final class CustomerEventsConsumer {

  private static final String CLUSTER_NAME = "customer-service";
  private static final long TIMEOUT_MS = 5_000;

  private final Vertx vertx;
  private final List<JsonObject> events = new CopyOnWriteArrayList<>();

  private CustomerEventsConsumer(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Joins the cluster whose members are {@code members} (TCP-IP, as conf/cluster.xml) on {@code host}. */
  public static Future<CustomerEventsConsumer> join(String members, String host, int port) {
    Config hazelcast = new Config().setClusterName(CLUSTER_NAME);
    hazelcast.getNetworkConfig().setPort(port).setPortAutoIncrement(true);
    hazelcast.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(host);
    hazelcast.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
    hazelcast.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    hazelcast.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(true).addMember(members);
    // What Vert.x keeps in the cluster, as its default-cluster.xml sets it up.
    hazelcast.addMultiMapConfig(new MultiMapConfig("__vertx.subs").setBackupCount(1).setValueCollectionType("SET"));
    return Vertx.builder()
        .with(new VertxOptions().setEventBusOptions(new EventBusOptions().setHost(host)))
        .withClusterManager(new HazelcastClusterManager(hazelcast))
        .buildClustered()
        .compose(vertx -> new CustomerEventsConsumer(vertx).subscribe());
  }

  private Future<CustomerEventsConsumer> subscribe() {
    return Future.all(List.of(
        follow(Addresses.CUSTOMERS_EVENTS_CREATED),
        follow(Addresses.CUSTOMERS_EVENTS_UPDATED),
        follow(Addresses.CUSTOMERS_EVENTS_DELETED))).map(this);
  }

  private Future<Void> follow(String address) {
    return vertx.eventBus().<JsonObject>consumer(address, event ->
        events.add(new JsonObject().put("address", address).put("body", event.body()))).completion();
  }

  /** Every event received so far: {@code {"address", "body"}}. */
  public List<JsonObject> events() {
    return List.copyOf(events);
  }

  /** The profile of a user, or a failed future with the contract's failure. */
  public Future<JsonObject> profile(UUID userId) {
    return vertx.eventBus().<JsonObject>request(Addresses.CUSTOMERS_PROFILE_GET,
            CustomerMessages.get(CustomerKey.ofUser(userId)), new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
        .map(Message::body)
        .recover(error -> Future.failedFuture(ServiceFailure.from(error)));
  }

  public Future<Void> leave() {
    return vertx.close();
  }

  /** Follows the cluster at the given members (default 127.0.0.1), printing each event, until stopped. */
  public static void main(String[] args) {
    String members = args.length > 0 ? args[0] : "127.0.0.1";
    join(members, "127.0.0.1", 5701).onSuccess(consumer -> {
      System.out.println("Joined; following customers.events.*");
      consumer.vertx.eventBus().<JsonObject>consumer(Addresses.CUSTOMERS_EVENTS_CREATED, created -> {
        UUID userId = UUID.fromString(created.body().getString(CustomerKey.USER_ID));
        consumer.profile(userId).onComplete(
            profile -> System.out.println("created: " + profile.getString("id") + " in " + profile.getString("city")),
            error -> System.out.println("created, but the read failed: " + error.getMessage()));
      });
    }).onFailure(error -> {
      System.err.println("Could not join: " + error.getMessage());
      System.exit(1);
    });
  }
}
