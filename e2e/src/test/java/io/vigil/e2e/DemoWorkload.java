package io.vigil.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A known workload for the demo shop: a latency mix sent through {@code GET /api/delay/{millis}} (which answers after
 * exactly that long, with the status asked for), and errors injected on {@code /api/products} through the admin
 * switch. The demo's own traffic generator never calls the delay route, so that route's figures come from this mix
 * alone.
 *
 * <p>The mix is sent three times. Twice before Prometheus starts ({@link #warmUp}): that warms the JIT and makes the
 * first sample of every delay series hold two whole rounds, so rate() extrapolates all of them alike and the
 * ratio of two rates is exact. Once after Prometheus has scraped the demo ({@link #measure}): the rates over the
 * window are then this round's, and Apdex and p95 can be computed from the mix by hand. Not thread-safe: one
 * caller at a time.
 */
final class DemoWorkload {

  static final String DELAY_ROUTE = "/api/delay/{millis}";
  static final String ERROR_ROUTE = "/api/products";

  /** {@code count} requests that take {@code millis} and answer {@code status}. */
  record Call(int millis, int status, int count) {}

  /**
   * 100 requests, chosen well away from the Apdex bounds (T = 0.3 s, 4T = 1.2 s) so that server overhead cannot move
   * one to another class: 67 satisfied (50 at 30 ms, 17 at 120 ms), 20 tolerating (600 and 800 ms), 8 frustrated
   * (1.6 s) and 5 server errors (60 ms, fast, but an error is never satisfied).
   */
  static final List<Call> MIX = List.of(
      new Call(30, 200, 50),
      new Call(60, 500, 5),
      new Call(120, 200, 17),
      new Call(600, 200, 10),
      new Call(800, 200, 10),
      new Call(1600, 200, 8));

  static final int MIX_SIZE = MIX.stream().mapToInt(Call::count).sum();
  static final int ROUNDS_BEFORE_PROMETHEUS = 2;

  /** Apdex of the mix: (67 satisfied + 20 tolerating / 2) / 100. Exact: T and 4T are bucket bounds. */
  static final double APDEX = (50 + 17 + (10 + 10) / 2.0) / MIX_SIZE;
  /** The 95th of the 100 sorted durations is one of the 1.6 s requests. */
  static final double P95_TRUE = 1.6;
  /** The bucket that holds {@link #P95_TRUE}: the histogram's answer must lie in it too. */
  static final double P95_BUCKET_LOW = 1.2;
  static final double P95_BUCKET_HIGH = 2.5;
  /**
   * What histogram_quantile interpolates from the mix's bucket counts: 92 requests within 1.2 s, 100 within 2.5 s,
   * rank 95 -> 1.2 + 1.3 * 3 / 8.
   */
  static final double P95_INTERPOLATED = 1.2 + 1.3 * (95 - 92) / 8.0;
  /** Server errors of the mix on the delay route: 5 of 100. */
  static final double DELAY_ROUTE_ERROR_RATIO = 5.0 / MIX_SIZE;

  /** Concurrent requests while sending the mix: enough to finish a round in about 2 s, few enough not to queue. */
  private static final int PARALLEL = 16;

  private final String base;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  DemoWorkload(String base) {
    this.base = base;
  }

  /** Sends the mix {@link #ROUNDS_BEFORE_PROMETHEUS} times; call it before Prometheus starts. */
  void warmUp() {
    for (int i = 0; i < ROUNDS_BEFORE_PROMETHEUS; i++) {
      sendMix();
    }
  }

  /**
   * Waits until Prometheus has scraped the warm-up, then sends the mix once more and switches the admin fault on:
   * every request to {@link #ERROR_ROUTE} fails with a 500 from then on. Returns when both are done.
   */
  void measure(PrometheusApi prometheus, Duration timeout) {
    awaitScrapedCount(prometheus, ROUNDS_BEFORE_PROMETHEUS * MIX_SIZE, timeout);
    sendMix();
    HttpResponse<String> r = Http.postForm(base + "/admin/faults?route=" + ERROR_ROUTE + "&error_ratio=1.0");
    if (r.statusCode() != 200) {
      throw new IllegalStateException("admin switch answered " + r.statusCode() + ": " + r.body());
    }
    // Some failing requests of our own, on top of the traffic generator's share of that route.
    send(List.of(new Call(-1, 500, 40)));
  }

  /** PromQL for the delay route's request count as Prometheus last scraped it. */
  static String delayCountQuery(String job) {
    return "sum(http_server_request_duration_seconds_count{job=\"" + job + "\", http_route=\"" + DELAY_ROUTE + "\"})";
  }

  /** Polls until Prometheus' latest scrape of the delay route counts {@code expected} requests. */
  static void awaitScrapedCount(PrometheusApi prometheus, int expected, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    String query = delayCountQuery(BundleStack.DEMO_JOB);
    String last = "";
    while (Instant.now().isBefore(deadline)) {
      PrometheusApi.QueryResult r = prometheus.query(query);
      if (r.size() > 0) {
        last = r.result().get(0).path("value").get(1).asText();
        if (Double.parseDouble(last) == expected) {
          return;
        }
      }
      Http.pause(Duration.ofMillis(500));
    }
    throw new IllegalStateException("Prometheus did not scrape " + expected + " delay-route requests within "
        + timeout + "; last count: " + last);
  }

  private void sendMix() {
    send(MIX);
  }

  /** Sends the calls in parallel; a negative {@code millis} means a request to {@link #ERROR_ROUTE}. */
  private void send(List<Call> calls) {
    List<URI> uris = new ArrayList<>();
    for (Call c : calls) {
      for (int i = 0; i < c.count(); i++) {
        uris.add(URI.create(c.millis() < 0 ? base + ERROR_ROUTE
            : base + "/api/delay/" + c.millis() + "?status=" + c.status()));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (URI uri : uris) {
        answers.add(pool.submit(() -> client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
            .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()));
      }
      for (int i = 0; i < answers.size(); i++) {
        int status = answers.get(i).get();
        if (status != 200 && status != 500) {
          throw new IllegalStateException(uris.get(i) + " answered " + status);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("request to the demo failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }
}
