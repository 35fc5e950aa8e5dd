package io.customerservice.testkit;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records what is published to an address, for tests that check events. */
public final class EventRecorder implements AutoCloseable {

  private final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private final MessageConsumer<JsonObject> consumer;

  public EventRecorder(Vertx vertx, String address) {
    consumer = vertx.eventBus().consumer(address, message -> events.add(message.body()));
    Bus.await(consumer.completion());
  }

  /** The first event matching {@code match}, waiting up to {@link Eventually#BOUND} for it. */
  public JsonObject await(Predicate<JsonObject> match) {
    List<JsonObject> seen = Eventually.awaitValue(Eventually.BOUND, "an event that matches, among those recorded",
        this::events, recorded -> recorded.stream().anyMatch(match));
    return seen.stream().filter(match).findFirst().orElseThrow();
  }

  public List<JsonObject> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    Bus.await(consumer.unregister());
  }
}
