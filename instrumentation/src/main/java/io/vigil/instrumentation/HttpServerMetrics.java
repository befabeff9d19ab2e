package io.vigil.instrumentation;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.Unit;
import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/**
 * The HTTP server metric families, named after the OpenTelemetry HTTP semantic conventions in Prometheus form, and
 * the label normalisation that keeps their cardinality bounded. Thread-safe: client_java's metrics are, and the
 * settings are copied at construction.
 */
final class HttpServerMetrics {

  static final String DURATION = "http_server_request_duration_seconds";
  static final String ACTIVE = "http_server_active_requests";
  static final String REQUEST_SIZE = "http_server_request_body_size_bytes";
  static final String RESPONSE_SIZE = "http_server_response_body_size_bytes";
  static final String OTHER = "_OTHER";

  private static final String[] LABELS = {"http_request_method", "http_route", "http_response_status_code"};

  private final Histogram duration;
  private final Gauge active;
  private final Histogram requestSize;
  private final Histogram responseSize;
  private final RecordingFailures failures;
  private final Set<String> knownMethods;
  private final Set<String> excludedRoutes;
  private final String unmatchedRoute;
  private final String redirectRoute;
  private final boolean createTraceIds;

  private HttpServerMetrics(HttpMetricsConfig config) {
    Histogram.Builder durationBuilder = Histogram.builder()
        .name(DURATION)
        .help("Duration of HTTP server requests.")
        .unit(Unit.SECONDS)
        .labelNames(LABELS)
        .classicUpperBounds(durationBuckets(config.durationBuckets, config.apdexTargetSeconds));
    Histogram.Builder requestSizeBuilder = Histogram.builder()
        .name(REQUEST_SIZE)
        .help("Size of HTTP server request bodies.")
        .unit(Unit.BYTES)
        .labelNames(LABELS)
        .classicUpperBounds(config.bodySizeBuckets);
    Histogram.Builder responseSizeBuilder = Histogram.builder()
        .name(RESPONSE_SIZE)
        .help("Size of HTTP server response bodies.")
        .unit(Unit.BYTES)
        .labelNames(LABELS)
        .classicUpperBounds(config.bodySizeBuckets);
    if (!config.nativeBuckets) {
      durationBuilder.classicOnly();
      requestSizeBuilder.classicOnly();
      responseSizeBuilder.classicOnly();
    }
    // Register in a fixed order: a second plugin on the same registry fails on the first family, before the rest.
    this.duration = durationBuilder.register(config.registry);
    this.active = Gauge.builder()
        .name(ACTIVE)
        .help("Number of active HTTP server requests.")
        .labelNames("http_request_method")
        .register(config.registry);
    this.requestSize = requestSizeBuilder.register(config.registry);
    this.responseSize = responseSizeBuilder.register(config.registry);
    this.failures = RecordingFailures.register(config.registry, "http_server");
    this.knownMethods = Set.copyOf(config.knownMethods);
    this.excludedRoutes = config.metricsPath == null
        ? Set.copyOf(config.excludedRoutes)
        : union(config.excludedRoutes, config.metricsPath);
    this.unmatchedRoute = config.unmatchedRoute;
    this.redirectRoute = config.redirectRoute;
    this.createTraceIds = config.createTraceIds;
  }

  /** Registers the families into {@code config.registry}; fails if they are already there. */
  static HttpServerMetrics register(HttpMetricsConfig config) {
    return new HttpServerMetrics(config);
  }

  /**
   * The configured buckets plus T and 4T, sorted, without duplicates. 4T is computed in decimal so that T = 0.3
   * gives the bound 1.2 (as PromQL's {@code le="1.2"} expects), not 1.2000000000000002.
   */
  static double[] durationBuckets(double[] configured, double apdexTarget) {
    if (!(apdexTarget > 0) || Double.isInfinite(apdexTarget)) {
      throw new IllegalArgumentException("apdexTargetSeconds must be a positive number of seconds: " + apdexTarget);
    }
    TreeSet<Double> bounds = new TreeSet<>();
    for (double b : configured) {
      bounds.add(b);
    }
    bounds.add(apdexTarget);
    bounds.add(BigDecimal.valueOf(apdexTarget).multiply(BigDecimal.valueOf(4)).doubleValue());
    return bounds.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** {@code http_request_method}: the method if it is a known one, else {@code _OTHER}. */
  String method(String method) {
    return method != null && knownMethods.contains(method) ? method : OTHER;
  }

  /** {@code http_route}: the matched template, else a fixed value by status. */
  String route(String template, int status) {
    if (template != null) {
      return template;
    }
    return status >= 300 && status < 400 ? redirectRoute : unmatchedRoute;
  }

  /** {@code http_response_status_code}: the code if it is a valid one (100-599), else {@code _OTHER}. */
  static String status(int status) {
    return status >= 100 && status <= 599 ? Integer.toString(status) : OTHER;
  }

  boolean excluded(String template) {
    return template != null && excludedRoutes.contains(template);
  }

  boolean createTraceIds() {
    return createTraceIds;
  }

  void started(String methodLabel) {
    active.labelValues(methodLabel).inc();
  }

  void finished(String methodLabel) {
    active.labelValues(methodLabel).dec();
  }

  /** Records one finished request; all label values are already normalised. */
  void record(String methodLabel, String route, String status, double seconds, long requestBytes,
      long responseBytes, TraceParent trace) {
    if (trace == null) {
      duration.labelValues(methodLabel, route, status).observe(seconds);
    } else {
      duration.labelValues(methodLabel, route, status)
          .observeWithExemplar(seconds, Labels.of("trace_id", trace.traceId(), "span_id", trace.spanId()));
    }
    requestSize.labelValues(methodLabel, route, status).observe(Math.max(0, requestBytes));
    responseSize.labelValues(methodLabel, route, status).observe(Math.max(0, responseBytes));
  }

  void failed() {
    failures.increment();
  }

  long failureCount() {
    return failures.count();
  }

  private static Set<String> union(Set<String> set, String extra) {
    TreeSet<String> all = new TreeSet<>(set);
    all.add(extra);
    return Set.copyOf(all);
  }
}
