package io.vigil.instrumentation;

import io.javalin.config.JavalinState;
import io.javalin.plugin.Plugin;
import io.prometheus.metrics.exporter.common.PrometheusScrapeHandler;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import java.util.function.Consumer;

/**
 * Javalin plugin that records, for every request, the OpenTelemetry HTTP server metrics in Prometheus form:
 *
 * <ul>
 *   <li>{@code http_server_request_duration_seconds{http_request_method,http_route,http_response_status_code}}, a
 *       histogram whose classic buckets contain the Apdex target T and 4T (native buckets too), with
 *       {@code trace_id}/{@code span_id} exemplars;
 *   <li>{@code http_server_active_requests{http_request_method}};
 *   <li>{@code http_server_request_body_size_bytes} and {@code http_server_response_body_size_bytes}, same labels.
 * </ul>
 *
 * <p>Label values are bounded: {@code http_route} is the matched route template ({@code /orders/{id}}), never the
 * raw path, with fixed values for unmatched requests; unknown methods become {@code _OTHER}. Exemplar ids come from
 * the request's W3C {@code traceparent} header, or are made up and returned in the response's {@code traceparent}.
 *
 * <pre>{@code
 * PrometheusRegistry registry = new PrometheusRegistry();
 * Javalin.create(cfg -> {
 *   cfg.registerPlugin(new HttpMetricsPlugin(metrics -> {
 *     metrics.registry = registry;
 *     metrics.metricsPath = "/metrics";   // optional: serve the registry and JVM metrics here
 *   }));
 *   cfg.routes.get("/orders/{id}", ctx -> ctx.result("order"));
 * }).start(8080);
 * }</pre>
 *
 * <p>Recording never fails or delays a request: a failure only increments
 * {@code vigil_instrumentation_failures_total{component="http_server"}}. One plugin per registry: a second one on
 * the same registry fails at start-up because the metric names are taken.
 */
public final class HttpMetricsPlugin extends Plugin<HttpMetricsConfig> {

  /** @param userConfig sets at least {@link HttpMetricsConfig#registry} */
  public HttpMetricsPlugin(Consumer<HttpMetricsConfig> userConfig) {
    super(userConfig, new HttpMetricsConfig());
  }

  @Override
  public void onInitialize(JavalinState state) {
    HttpMetricsConfig config = pluginConfig;
    if (config.registry == null) {
      throw new IllegalStateException("HttpMetricsPlugin: set HttpMetricsConfig.registry to the PrometheusRegistry"
          + " your /metrics serves (or set metricsPath to let the plugin serve it)");
    }
    if (config.metricsPath != null && !config.metricsPath.startsWith("/")) {
      throw new IllegalStateException("HttpMetricsPlugin: metricsPath must start with '/': " + config.metricsPath);
    }
    HttpServerMetrics metrics = HttpServerMetrics.register(config);
    state.jetty.modifyServletContextHandler(context -> context.insertHandler(new RequestRecorder(metrics)));
    state.routes.after(RequestRecorder::captureRoute);
    if (config.metricsPath != null) {
      if (config.jvmMetrics) {
        JvmMetrics.builder().register(config.registry);
      }
      PrometheusScrapeHandler scrapeHandler = new PrometheusScrapeHandler(config.registry);
      state.routes.get(config.metricsPath, ctx -> scrapeHandler.handleRequest(new ContextExchange(ctx)));
    }
  }

  @Override
  public String name() {
    return "vigil-http-metrics";
  }
}
