package io.vigil.instrumentation;

import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * Times database calls as {@code db_client_operation_duration_seconds{db_system_name,db_operation_name,
 * db_collection_name,error_type}}, the OpenTelemetry database client metric in Prometheus form.
 *
 * <pre>{@code
 * DbClientTimer db = DbClientTimer.register(registry, "postgresql");
 * Order order = db.time("SELECT", "orders", () -> orders.find(id));
 * }</pre>
 *
 * <p>{@code error_type} is empty for a call that returned and the exception's class name for one that threw; the
 * exception is rethrown unchanged. Operation and collection names must come from code (a fixed set), never from
 * query text. Recording never fails the call: a failure increments
 * {@code vigil_instrumentation_failures_total{component="db_client"}}. Thread-safe.
 */
public final class DbClientTimer {

  static final String NAME = "db_client_operation_duration_seconds";

  /** The OpenTelemetry advised buckets for {@code db.client.operation.duration}, in seconds. */
  public static final double[] OTEL_BUCKETS = {0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10};

  private final Histogram duration;
  private final RecordingFailures failures;
  private final String system;

  private DbClientTimer(PrometheusRegistry registry, String system) {
    this.duration = Histogram.builder()
        .name(NAME)
        .help("Duration of database client operations.")
        .unit(Unit.SECONDS)
        .labelNames("db_system_name", "db_operation_name", "db_collection_name", "error_type")
        .classicUpperBounds(OTEL_BUCKETS)
        .register(registry);
    this.failures = RecordingFailures.register(registry, "db_client");
    this.system = system;
  }

  /**
   * Registers the histogram (once per registry).
   *
   * @param system OpenTelemetry's {@code db.system.name}: {@code postgresql}, {@code mysql}, {@code h2}, ...
   */
  public static DbClientTimer register(PrometheusRegistry registry, String system) {
    return new DbClientTimer(registry, system);
  }

  /** A database call that returns a value. */
  @FunctionalInterface
  public interface Call<T, E extends Exception> {
    T call() throws E;
  }

  /** A database call without a result. */
  @FunctionalInterface
  public interface Action<E extends Exception> {
    void run() throws E;
  }

  /** Runs {@code call}, records its duration, and returns its result or rethrows its exception. */
  public <T, E extends Exception> T time(String operation, String collection, Call<T, E> call) throws E {
    long start = System.nanoTime();
    String error = "";
    try {
      return call.call();
    } catch (RuntimeException | Error e) {
      error = e.getClass().getName();
      throw e;
    } catch (Exception e) {
      error = e.getClass().getName();
      throw e;
    } finally {
      record(operation, collection, error, System.nanoTime() - start);
    }
  }

  /** Runs {@code action} and records its duration; rethrows its exception. */
  public <E extends Exception> void run(String operation, String collection, Action<E> action) throws E {
    time(operation, collection, () -> {
      action.run();
      return null;
    });
  }

  private void record(String operation, String collection, String error, long nanos) {
    try {
      duration.labelValues(system, operation, collection, error).observe(nanos / 1e9);
    } catch (RuntimeException e) {
      failures.increment();
    }
  }
}
