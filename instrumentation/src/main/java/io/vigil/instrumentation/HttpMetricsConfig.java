package io.vigil.instrumentation;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashSet;
import java.util.Set;

/**
 * Settings of {@link HttpMetricsPlugin}. Javalin hands the plugin a fresh instance with these defaults; the consumer
 * given to the plugin's constructor changes the fields it needs. Only {@link #registry} has no default.
 *
 * <p>Not thread-safe: it is read once, while Javalin initializes the plugin.
 */
public final class HttpMetricsConfig {

  /** The OpenTelemetry advised buckets for {@code http.server.request.duration}, in seconds. */
  public static final double[] OTEL_DURATION_BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10
  };

  /** The methods of RFC 9110 and RFC 5789 (PATCH): the {@code http_request_method} values kept as they are. */
  public static final Set<String> STANDARD_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  /**
   * Required. The registry the metrics are registered into, usually the one the application's {@code /metrics}
   * serves (or {@link #metricsPath} below). Never the default registry implicitly: two apps in one JVM, or a test
   * beside the app, must not share metrics by accident.
   */
  public PrometheusRegistry registry;

  /**
   * Apdex target T in seconds (default 0.3 s). T and 4T are added to {@link #durationBuckets}, so that Apdex can be
   * computed exactly from the {@code le="T"} and {@code le="4T"} buckets.
   */
  public double apdexTargetSeconds = 0.3;

  /** Classic bucket upper bounds of the duration histogram, in seconds; T and 4T are added to them. */
  public double[] durationBuckets = OTEL_DURATION_BUCKETS.clone();

  /** Classic bucket upper bounds of the request and response body size histograms, in bytes. */
  public double[] bodySizeBuckets = {100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

  /**
   * Also record native (sparse) buckets for every histogram (default true). Prometheus only sees them when it scrapes
   * the protobuf format (feature flag {@code native-histograms}); the classic buckets are always there.
   */
  public boolean nativeBuckets = true;

  /**
   * {@code http_route} of a request that no route matched and that was not redirected: a 404, a static file, or a
   * request stopped by a before-handler (an authentication check) before its route ran.
   */
  public String unmatchedRoute = "UNMATCHED";

  /** {@code http_route} of a request that no route matched and that was answered with a 3xx redirect. */
  public String redirectRoute = "REDIRECTION";

  /** Methods kept as {@code http_request_method}; any other becomes {@code _OTHER}, which bounds the label. */
  public Set<String> knownMethods = new HashSet<>(STANDARD_METHODS);

  /** Route templates whose requests are not recorded (health checks, say). The metrics path is always left out. */
  public Set<String> excludedRoutes = new HashSet<>();

  /**
   * If set (e.g. {@code "/metrics"}), the plugin adds a GET route there that serves {@link #registry} in the text,
   * OpenMetrics or protobuf format the scraper asks for, gzip-compressed when it accepts it. Default: none; the
   * application serves the registry itself.
   */
  public String metricsPath;

  /**
   * When {@link #metricsPath} is set, also register client_java's JVM and process metrics ({@code jvm_*},
   * {@code process_*}) into the registry (default true). Set it to false if the application registers them itself:
   * registering them twice fails.
   */
  public boolean jvmMetrics = true;

  /**
   * When a request has no valid W3C {@code traceparent} header, make up a trace id and span id for its exemplar and
   * send them back in the response's {@code traceparent} header (default true), so that a slow request seen in a
   * client or a log can be found in the latency panel's exemplars. With false, such requests get no exemplar.
   */
  public boolean createTraceIds = true;
}
