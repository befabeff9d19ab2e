package io.vigil.exporter.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /metrics}: at most {@code maxRequests} concurrent scrapes (503 beyond), {@code collect[]}/{@code exclude[]}
 * and {@code name[]} filters, a collection deadline from Prometheus' timeout header, content negotiation and gzip.
 *
 * <p>Thread safety: safe for concurrent requests.
 */
final class MetricsHandler implements HttpHandler {

  static final String TIMEOUT_HEADER = "X-Prometheus-Scrape-Timeout-Seconds";
  /** Shortest collection budget we accept from the header, so a tiny timeout still gives collectors a chance. */
  private static final Duration MIN_BUDGET = Duration.ofMillis(100);

  private static final Logger LOG = Logger.getLogger(MetricsHandler.class.getName());

  private final Generations generations;
  private final Optional<Semaphore> permits;
  private final Exposition exposition = new Exposition();

  /**
   * @param generations the configuration in force; each request uses one generation from start to end
   * @param maxRequests concurrent scrapes before 503 (0 = no cap)
   */
  MetricsHandler(Generations generations, int maxRequests) {
    this.generations = generations;
    this.permits = maxRequests > 0 ? Optional.of(new Semaphore(maxRequests)) : Optional.empty();
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      if (!method.equals("GET") && !method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        Responses.text(exchange, 405, "Method not allowed.\n");
        return;
      }
      if (permits.isPresent() && !permits.get().tryAcquire()) {
        Responses.text(exchange, 503, "Too many concurrent scrapes; limit is web.max_requests.\n");
        return;
      }
      Generation generation = generations.enter();
      try {
        serve(exchange, method.equals("HEAD"), generation);
      } finally {
        generation.exit();
        permits.ifPresent(Semaphore::release);
      }
    } catch (IOException e) {
      LOG.log(Level.FINE, "client went away during /metrics: {0}", e.getMessage());
    }
  }

  private void serve(HttpExchange exchange, boolean head, Generation generation) throws IOException {
    Request request;
    try {
      request = parse(exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst(TIMEOUT_HEADER),
          generation.enabledSet(), generation.timeoutMargin());
    } catch (BadRequestException e) {
      Responses.text(exchange, 400, e.getMessage() + "\n");
      return;
    }
    MetricSnapshots snapshots =
        generation.service().scrape(request.collectors(), request.budget(), request.families());
    Exposition.Body body =
        exposition.encode(
            snapshots,
            headers(exchange, "Accept"),
            headers(exchange, "Accept-Encoding"));
    exchange.getResponseHeaders().set("Content-Type", body.contentType());
    if (body.contentEncoding() != null) {
      exchange.getResponseHeaders().set("Content-Encoding", body.contentEncoding());
    }
    exchange.getResponseHeaders().set("Vary", "Accept, Accept-Encoding");
    if (head) {
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    exchange.sendResponseHeaders(200, body.bytes().length);
    exchange.getResponseBody().write(body.bytes());
  }

  /** What one {@code /metrics} request asks for. */
  record Request(Predicate<String> collectors, Optional<Duration> budget, Predicate<String> families) {}

  /**
   * Parses the query ({@code collect[]}, {@code exclude[]}, {@code name[]}) and the scrape timeout header; the only
   * exception is {@link BadRequestException} (fuzzed in {@code QueryParsingFuzzTest}).
   */
  static Request parse(String rawQuery, String timeoutHeader, Set<String> enabled, Duration timeoutMargin)
      throws BadRequestException {
    QueryString query = QueryString.parse(rawQuery);
    return new Request(
        CollectorSelection.from(query.all("collect[]"), query.all("exclude[]"), enabled),
        budget(timeoutHeader, timeoutMargin),
        FamilyNameFilter.from(query.all("name[]")));
  }

  private static Optional<Duration> budget(String header, Duration timeoutMargin) throws BadRequestException {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    double seconds;
    try {
      seconds = Double.parseDouble(header.trim());
    } catch (NumberFormatException e) {
      throw new BadRequestException(TIMEOUT_HEADER + ": expected a number of seconds, got \"" + header + "\"");
    }
    if (!(seconds > 0) || Double.isInfinite(seconds)) {
      throw new BadRequestException(TIMEOUT_HEADER + ": expected a positive number of seconds, got " + header);
    }
    Duration d = Duration.ofNanos((long) (seconds * 1e9)).minus(timeoutMargin);
    return Optional.of(d.compareTo(MIN_BUDGET) < 0 ? MIN_BUDGET : d);
  }

  private static List<String> headers(HttpExchange exchange, String name) {
    List<String> values = exchange.getRequestHeaders().get(name);
    return values == null ? List.of() : values;
  }
}
