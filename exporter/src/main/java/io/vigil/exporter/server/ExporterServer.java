package io.vigil.exporter.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vigil.exporter.BuildInfo;
import io.vigil.exporter.ScrapeService;
import io.vigil.exporter.config.ListenAddress;
import io.vigil.exporter.config.VigilConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The HTTP side: JDK {@code HttpServer} with a bounded worker pool, serving the telemetry path, {@code /-/healthy},
 * {@code /-/ready}, {@code /probe} (blackbox-style probing of configured modules) and the landing page. Slow clients are cut off by the JDK server's request and response time
 * limits ({@link ServerTuning}).
 */
public final class ExporterServer implements AutoCloseable {

  private final HttpServer server;
  private final ThreadPoolExecutor workers;

  private ExporterServer(HttpServer server, ThreadPoolExecutor workers) {
    this.server = server;
    this.workers = workers;
  }

  /** Binds and starts; fails with a clear message when the address is unusable (port in use). */
  public static ExporterServer start(VigilConfig config, ScrapeService service, List<String> enabled, BuildInfo build)
      throws IOException {
    ServerTuning.apply(config.web());
    ListenAddress address =
        ListenAddress.parse(config.web().listenAddress())
            .orElseThrow(() -> new IOException("invalid listen address " + config.web().listenAddress()));
    InetSocketAddress socket = address.toSocketAddress();
    HttpServer server;
    try {
      server = HttpServer.create(socket, 128);
    } catch (java.net.BindException e) {
      throw new IOException("cannot listen on " + config.web().listenAddress() + ": " + e.getMessage(), e);
    }
    int maxRequests = config.web().maxRequests();
    // Enough workers for the scrape cap plus health checks; requests past the cap are answered 503 quickly.
    int threads = (maxRequests > 0 ? maxRequests : 40) + 4;
    ThreadPoolExecutor workers = WorkerPool.create(threads, 1024);
    server.setExecutor(workers);
    String telemetryPath = config.web().telemetryPath();
    MetricsHandler metrics =
        new MetricsHandler(service, java.util.Set.copyOf(enabled), config.scrape().timeoutMargin(), maxRequests);
    server.createContext(telemetryPath, exchange -> {
      if (exchange.getRequestURI().getPath().equals(telemetryPath)) {
        metrics.handle(exchange);
      } else {
        notFound(exchange);
      }
    });
    // blackbox-style multi-target probing; answers 400 for every module when none is configured
    if (!telemetryPath.equals("/probe")) {
      server.createContext("/probe",
          new ProbeHandler(config.services().probes(), config.scrape().timeoutMargin(), maxRequests));
    }
    server.createContext("/", exchange -> route(exchange, service, enabled, build, telemetryPath));
    server.start();
    return new ExporterServer(server, workers);
  }

  private static void route(
      HttpExchange exchange, ScrapeService service, List<String> enabled, BuildInfo build, String telemetryPath)
      throws IOException {
    try (exchange) {
      switch (exchange.getRequestURI().getPath()) {
        case "/-/healthy" -> Responses.text(exchange, 200, "Healthy.\n");
        case "/-/ready" -> {
          if (service.ready()) {
            Responses.text(exchange, 200, "Ready.\n");
          } else {
            Responses.text(exchange, 503, "Not ready: first collection still running.\n");
          }
        }
        case "/" ->
            Responses.send(exchange, 200, "text/html; charset=utf-8",
                LandingPage.render(build, telemetryPath, enabled, service.runner().lastOutcomes()));
        default -> Responses.text(exchange, 404, "Not found.\n");
      }
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

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
