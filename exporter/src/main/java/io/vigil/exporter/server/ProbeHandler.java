package io.vigil.exporter.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vigil.exporter.config.ProbeConfig;
import io.vigil.exporter.probe.ProbeFamilies;
import io.vigil.exporter.probe.ProbeResult;
import io.vigil.exporter.probe.ProbeTargets;
import io.vigil.exporter.probe.Probes;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * blackbox_exporter's {@code /probe?module=M&target=T} for Prometheus' multi-target relabelling. Never an open proxy:
 * only configured modules are served, the target must have a scheme the module allows (http) or be
 * {@code host:port} (tcp), and when {@code probes.allowed_targets} is set it must match one of those patterns whole
 * (or be a configured target). Anything else is HTTP 400 with the reason. The probe ends by Prometheus' scrape
 * timeout minus {@code scrape.timeout_margin}, or by the module's timeout. Only the probe's metrics are returned,
 * never the target's response.
 *
 * <p>Thread safety: safe for concurrent requests; at most {@code web.max_requests} probes run at once (503 beyond).
 */
final class ProbeHandler implements HttpHandler {

  private static final Logger LOG = Logger.getLogger(ProbeHandler.class.getName());

  private final ProbeConfig config;
  private final Set<String> configuredTargets;
  private final Duration timeoutMargin;
  private final Semaphore permits;
  private final Exposition exposition = new Exposition();

  ProbeHandler(ProbeConfig config, Duration timeoutMargin, int maxRequests) {
    this.config = config;
    this.configuredTargets = config.targets().stream().map(ProbeConfig.Target::target).collect(Collectors.toSet());
    this.timeoutMargin = timeoutMargin;
    this.permits = new Semaphore(maxRequests > 0 ? maxRequests : 40);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals("/probe")) {
        Responses.text(exchange, 404, "Not found.\n");
        return;
      }
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        Responses.text(exchange, 405, "Method not allowed.\n");
        return;
      }
      QueryString query = QueryString.parse(exchange.getRequestURI().getRawQuery());
      ProbeConfig.Module module;
      String target;
      long deadline;
      try {
        module = module(query);
        target = target(query, module);
        deadline = System.nanoTime() + budget(exchange.getRequestHeaders().getFirst(MetricsHandler.TIMEOUT_HEADER))
            .toNanos();
      } catch (BadRequestException e) {
        Responses.text(exchange, 400, e.getMessage() + "\n");
        return;
      }
      if (!permits.tryAcquire()) {
        Responses.text(exchange, 503, "Too many concurrent probes; limit is web.max_requests.\n");
        return;
      }
      ProbeResult result;
      try {
        result = Probes.run(module, target, deadline);
      } finally {
        permits.release();
      }
      MetricSnapshots snapshots = new MetricSnapshots(
          ProbeFamilies.render(List.of(new ProbeFamilies.Labelled(Labels.EMPTY, result))));
      Exposition.Body body = exposition.encode(snapshots, headers(exchange, "Accept"),
          headers(exchange, "Accept-Encoding"));
      exchange.getResponseHeaders().set("Content-Type", body.contentType());
      if (body.contentEncoding() != null) {
        exchange.getResponseHeaders().set("Content-Encoding", body.contentEncoding());
      }
      if (method.equals("HEAD")) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.bytes().length);
      exchange.getResponseBody().write(body.bytes());
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away during /probe: {0}", e.getMessage());
    }
  }

  private ProbeConfig.Module module(QueryString query) throws BadRequestException {
    List<String> names = query.all("module");
    if (names.size() != 1 || names.get(0).isEmpty()) {
      throw new BadRequestException("expected exactly one module parameter");
    }
    ProbeConfig.Module module = config.modules().get(names.get(0));
    if (module == null) {
      throw new BadRequestException("Unknown module \"" + abbreviate(names.get(0)) + "\"");
    }
    return module;
  }

  private String target(QueryString query, ProbeConfig.Module module) throws BadRequestException {
    List<String> targets = query.all("target");
    if (targets.size() != 1 || targets.get(0).isEmpty()) {
      throw new BadRequestException("expected exactly one target parameter");
    }
    String target = targets.get(0);
    Optional<String> problem = ProbeTargets.check(module, target);
    if (problem.isPresent()) {
      throw new BadRequestException("target not allowed: " + problem.get());
    }
    if (!config.allowedTargets().isEmpty() && !configuredTargets.contains(target)) {
      boolean allowed = false;
      for (Pattern p : config.allowedTargets()) {
        allowed |= p.matcher(target).matches();
      }
      if (!allowed) {
        throw new BadRequestException("target not allowed: \"" + abbreviate(target)
            + "\" matches none of probes.allowed_targets");
      }
    }
    return target;
  }

  /** The scrape timeout header minus the margin, as blackbox_exporter's {@code --timeout-offset}; else 120 s. */
  private Duration budget(String header) throws BadRequestException {
    if (header == null || header.isBlank()) {
      return Duration.ofSeconds(120); // the module's timeout applies
    }
    double seconds;
    try {
      seconds = Double.parseDouble(header.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(MetricsHandler.TIMEOUT_HEADER + ": expected a number of seconds, got \"" + header
          + "\"");
    }
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new BadRequestException(MetricsHandler.TIMEOUT_HEADER + ": expected a positive number of seconds");
    }
    Duration d = Duration.ofNanos((long) (seconds * 1e9)).minus(timeoutMargin);
    return d.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : d;
  }

  private static String abbreviate(String s) {
    return s.length() <= 100 ? s : s.substring(0, 97) + "...";
  }

  private static List<String> headers(HttpExchange exchange, String name) {
    List<String> values = exchange.getRequestHeaders().get(name);
    return values == null ? List.of() : values;
  }
}
