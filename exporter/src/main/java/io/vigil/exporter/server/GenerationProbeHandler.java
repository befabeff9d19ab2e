package io.vigil.exporter.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.vigil.exporter.config.ProbeConfig;
import java.io.IOException;
import java.time.Duration;

/**
 * {@code /probe} with the {@code probes} section of the configuration in force: a reload that changes the modules,
 * targets or {@code scrape.timeout_margin} is served from the next request on, like the telemetry path.
 *
 * <p>Thread safety: safe for concurrent requests; the handler for one configuration is built once and shared.
 */
final class GenerationProbeHandler implements HttpHandler {

  private final Generations generations;
  private final int maxRequests;
  private Current current; // guarded by this

  GenerationProbeHandler(Generations generations, int maxRequests) {
    this.generations = generations;
    this.maxRequests = maxRequests;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    handlerFor(generations.peek()).handle(exchange);
  }

  private synchronized ProbeHandler handlerFor(Generation g) {
    if (current == null || !current.probes.equals(g.probes()) || !current.margin.equals(g.timeoutMargin())) {
      current = new Current(g.probes(), g.timeoutMargin(), new ProbeHandler(g.probes(), g.timeoutMargin(),
          maxRequests));
    }
    return current.handler;
  }

  private record Current(ProbeConfig probes, Duration margin, ProbeHandler handler) {}
}
