package io.vigil.exporter.server;

import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import io.vigil.exporter.BuildInfo;
import io.vigil.exporter.config.ListenAddress;
import io.vigil.exporter.config.WebSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The HTTP side: JDK {@code HttpServer} (or {@code HttpsServer} when the web config has TLS) with a bounded worker
 * pool, serving the telemetry path, {@code /-/healthy}, {@code /-/ready}, {@code /-/reload} (when the lifecycle API is
 * on), {@code /probe} (blackbox-style probing of configured modules) and the landing page, every path behind the web config's headers, rate limit and basic auth. Slow clients are
 * cut off by the JDK server's request and response time limits, oversized request headers by its header size limit,
 * surplus connections by its connection cap ({@link ServerTuning}).
 */
public final class ExporterServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ExporterServer.class.getName());

  /** Workers beyond the scrape cap: health checks, the landing page, and clients still sending their headers. */
  static final int SPARE_WORKERS = 24;

  private final HttpServer server;
  private final ThreadPoolExecutor workers;

  private ExporterServer(HttpServer server, ThreadPoolExecutor workers) {
    this.server = server;
    this.workers = workers;
  }

  /** Reloads the main configuration; empty on success, else why it failed (the running one stays). */
  @FunctionalInterface
  public interface Reload {
    Optional<String> reload();
  }

  /**
   * Binds and starts; fails with a clear message when the address is unusable (port in use).
   *
   * @param web the web settings fixed for the server's life (address, path, caps, time limits)
   * @param generations the configuration in force, swapped by reloads
   * @param security the web config file in force (TLS, auth), re-read when it changes
   * @param reload what {@code POST /-/reload} runs
   */
  public static ExporterServer start(
      WebSettings web, Generations generations, WebSecurity security, Reload reload, BuildInfo build)
      throws IOException {
    ServerTuning.apply(web);
    ListenAddress address =
        ListenAddress.parse(web.listenAddress())
            .orElseThrow(() -> new IOException("invalid listen address " + web.listenAddress()));
    InetSocketAddress socket = address.toSocketAddress();
    HttpServer server;
    try {
      if (security.tls().isPresent()) {
        HttpsServer https = HttpsServer.create(socket, 128);
        https.setHttpsConfigurator(security.tls().get().configurator(security::current));
        server = https;
      } else {
        server = HttpServer.create(socket, 128);
      }
    } catch (java.net.BindException e) {
      throw new IOException("cannot listen on " + web.listenAddress() + ": " + e.getMessage(), e);
    }
    int maxRequests = web.maxRequests();
    // Enough workers for the scrape cap plus health checks and clients still sending their request (the JDK server
    // reads request headers on a worker); requests past the cap are answered 503 quickly.
    int threads = (maxRequests > 0 ? maxRequests : 40) + SPARE_WORKERS;
    ThreadPoolExecutor workers = WorkerPool.create(threads, 1024);
    server.setExecutor(workers);
    String telemetryPath = web.telemetryPath();
    SecurityFilter filter = new SecurityFilter(security, () -> generations.peek().unauthenticatedHealth());
    MetricsHandler metrics = new MetricsHandler(generations, maxRequests);
    HttpContext metricsContext = server.createContext(telemetryPath, exchange -> {
      if (exchange.getRequestURI().getPath().equals(telemetryPath)) {
        metrics.handle(exchange);
      } else {
        notFound(exchange);
      }
    });
    metricsContext.getFilters().add(filter);
    // blackbox-style multi-target probing with the probes of the generation in force; 400 for every module when none
    // is configured
    if (!telemetryPath.equals("/probe")) {
      HttpContext probe = server.createContext("/probe", new GenerationProbeHandler(generations, maxRequests));
      probe.getFilters().add(filter);
    }
    HttpContext root = server.createContext("/", exchange -> route(exchange, generations, reload, build,
        telemetryPath));
    root.getFilters().add(filter);
    server.start();
    return new ExporterServer(server, workers);
  }

  private static void route(
      HttpExchange exchange, Generations generations, Reload reload, BuildInfo build, String telemetryPath)
      throws IOException {
    try (exchange) {
      switch (exchange.getRequestURI().getPath()) {
        case "/-/healthy" -> Responses.text(exchange, 200, "Healthy.\n");
        case "/-/ready" -> {
          if (generations.ready()) {
            Responses.text(exchange, 200, "Ready.\n");
          } else {
            Responses.text(exchange, 503, "Not ready: first collection still running.\n");
          }
        }
        case "/-/reload" -> reload(exchange, generations.peek(), reload);
        case "/" -> {
          Generation g = generations.peek();
          Responses.send(exchange, 200, "text/html; charset=utf-8",
              LandingPage.render(build, telemetryPath, g.enabled(), g.service().runner().lastOutcomes()));
        }
        default -> Responses.text(exchange, 404, "Not found.\n");
      }
    }
  }

  /** Prometheus' lifecycle endpoint: POST or PUT, 403 unless enabled, 500 with the reason when the reload fails. */
  private static void reload(HttpExchange exchange, Generation g, Reload reload) throws IOException {
    if (!g.lifecycle()) {
      Responses.text(exchange, 403, "Lifecycle API is not enabled.\n");
      return;
    }
    String method = exchange.getRequestMethod();
    if (!method.equals("POST") && !method.equals("PUT")) {
      exchange.getResponseHeaders().set("Allow", "POST, PUT");
      Responses.text(exchange, 405, "Method not allowed.\n");
      return;
    }
    Optional<String> failure = reload.reload();
    if (failure.isPresent()) {
      Responses.text(exchange, 500, "failed to reload config: " + failure.get() + "\n");
    } else {
      Responses.text(exchange, 200, "");
    }
  }

  private static void notFound(HttpExchange exchange) throws IOException {
    try (exchange) {
      Responses.text(exchange, 404, "Not found.\n");
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public int activeWorkers() {
    return workers.getActiveCount();
  }

  /** Worker threads alive now (busy or idle). */
  public int workerThreads() {
    return workers.getPoolSize();
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    LOG.log(Level.FINE, "server stopped");
  }
}
