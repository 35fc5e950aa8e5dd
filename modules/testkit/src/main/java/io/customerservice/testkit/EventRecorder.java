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

  /** The first event matching {@code match}, waiting up to five seconds for it. */
  public JsonObject await(Predicate<JsonObject> match) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      for (JsonObject event : events) {
        if (match.test(event)) {
          return event;
        }
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    throw new AssertionError("no matching event among " + events);
  }

  public List<JsonObject> events() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    Bus.await(consumer.unregister());
  }
}
