package io.vigil.exporter.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP server settings.
 *
 * @param listenAddress {@code host:port} or {@code :port} (all interfaces)
 * @param telemetryPath where metrics are served
 * @param maxRequests concurrent {@code /metrics} requests served at once; more get HTTP 503 (0 = no cap)
 * @param requestTimeout longest time a client may take to send its request line and headers
 * @param responseTimeout longest time a client may take to read a response
 * @param disableExporterMetrics drop the JVM and process self metrics (node_exporter's
 *     {@code --web.disable-exporter-metrics})
 * @param webConfigFile exporter-toolkit web config (TLS, basic auth)
 * @param enableLifecycle serve {@code POST /-/reload} (Prometheus' {@code --web.enable-lifecycle})
 * @param unauthenticatedHealth answer {@code /-/healthy} and {@code /-/ready} without basic auth (TLS still
 *     applies); off by default, so every path needs the credentials of the web config file
 */
public record WebSettings(
    String listenAddress,
    String telemetryPath,
    int maxRequests,
    Duration requestTimeout,
    Duration responseTimeout,
    boolean disableExporterMetrics,
    Optional<Path> webConfigFile,
    boolean enableLifecycle,
    boolean unauthenticatedHealth) {

  /** The settings without the lifecycle endpoint and with authenticated health checks. */
  public WebSettings(
      String listenAddress,
      String telemetryPath,
      int maxRequests,
      Duration requestTimeout,
      Duration responseTimeout,
      boolean disableExporterMetrics,
      Optional<Path> webConfigFile) {
    this(listenAddress, telemetryPath, maxRequests, requestTimeout, responseTimeout, disableExporterMetrics,
        webConfigFile, false, false);
  }

  /** Vigil's own port: not node_exporter's 9100, so both can run on one host. */
  public static final String DEFAULT_LISTEN_ADDRESS = ":9910";

  public static final WebSettings DEFAULT =
      new WebSettings(
          DEFAULT_LISTEN_ADDRESS, "/metrics", 40, Duration.ofSeconds(10), Duration.ofSeconds(30), false,
          Optional.empty());
}
