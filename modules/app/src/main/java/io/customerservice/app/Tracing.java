package io.customerservice.app;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryOptions;
import io.vertx.tracing.opentelemetry.OpenTelemetryTracingFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traces with OpenTelemetry, configured the standard way (the {@code OTEL_*} environment
 * variables or {@code otel.*} system properties, read by the SDK's autoconfiguration) and off
 * unless one of them names where spans go: an SDK that exports to nowhere would only cost. When
 * on, Vert.x opens and propagates spans (W3C trace context) across HTTP, the event bus (also
 * between clustered processes) and the auth proxy's calls to the authentication service.
 */
final class Tracing implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Tracing.class);
  /** Any of these set turns tracing on. */
  private static final List<String> SWITCHES = List.of("otel.traces.exporter", "otel.exporter.otlp.endpoint",
      "otel.exporter.otlp.traces.endpoint");
  /** Our defaults under the operator's: the service's name, and no OpenTelemetry metrics or logs (Micrometer and logback do those). */
  private static final Map<String, String> DEFAULTS = Map.of("otel.service.name", "customer-service",
      "otel.metrics.exporter", "none", "otel.logs.exporter", "none");

  private final OpenTelemetrySdk sdk;

  private Tracing(OpenTelemetrySdk sdk) {
    this.sdk = sdk;
  }

  /** Tracing as the process's environment and system properties configure it. */
  static Tracing configured() {
    boolean wanted = SWITCHES.stream().anyMatch(key -> setting(key) != null);
    boolean disabled = "true".equalsIgnoreCase(setting("otel.sdk.disabled"));
    if (!wanted || disabled) {
      return new Tracing(null);
    }
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> DEFAULTS)
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
    LOG.info("Tracing on: spans go where the OTEL_* settings say");
    return new Tracing(sdk);
  }

  /** As the SDK reads it: the system property, else its environment variable. */
  private static String setting(String property) {
    String value = System.getProperty(property);
    return value != null ? value : System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
  }

  /** {@code options} with tracing when it is on. */
  VertxOptions instrument(VertxOptions options) {
    return sdk == null ? options : options.setTracingOptions(new OpenTelemetryOptions());
  }

  /** {@code builder} with the tracer when tracing is on. */
  VertxBuilder instrument(VertxBuilder builder) {
    return sdk == null ? builder : builder.withTracer(new OpenTelemetryTracingFactory(sdk));
  }

  /** Sends the spans still buffered; the process's last step before it exits. */
  @Override
  public void close() {
    if (sdk != null) {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }
  }
}
