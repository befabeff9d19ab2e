package io.vigil.demo;

import io.vigil.instrumentation.TraceParent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Built-in load: sends a weighted mix of shop requests to the demo itself at a steady rate, so that dashboards and
 * alerts have something to show. At most {@value #MAX_IN_FLIGHT} requests are in flight: when injected latency
 * slows the shop down, ticks are skipped rather than piling up. Half the requests carry a W3C {@code traceparent},
 * as if from a traced client. Thread-safe; {@link #close()} stops it.
 */
final class TrafficGenerator implements AutoCloseable {

  static final int MAX_IN_FLIGHT = 64;

  /** A kind of request and its share of the traffic, in percent. */
  private record Call(int weight, String method, String name) { }

  private static final List<Call> MIX = List.of(
      new Call(30, "GET", "products"),
      new Call(30, "GET", "product"),
      new Call(10, "POST", "order"),
      new Call(10, "GET", "order"),
      new Call(10, "GET", "search"),
      new Call(10, "GET", "recommendations"));

  private final String base;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "vigil-demo-traffic");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  private TrafficGenerator(String base, double requestsPerSecond) {
    this.base = base;
    long periodMicros = Math.max(1, Math.round(1_000_000 / requestsPerSecond));
    ticker.scheduleAtFixedRate(this::tick, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
  }

  /** Starts sending to {@code http://127.0.0.1:port}. */
  static TrafficGenerator start(int port, double requestsPerSecond) {
    return new TrafficGenerator("http://127.0.0.1:" + port, requestsPerSecond);
  }

  long sent() {
    return sent.get();
  }

  long skipped() {
    return skipped.get();
  }

  private void tick() {
    if (!inFlight.tryAcquire()) {
      skipped.incrementAndGet();
      return;
    }
    try {
      HttpRequest request = next(ThreadLocalRandom.current());
      sent.incrementAndGet();
      client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, failure) -> inFlight.release());
    } catch (RuntimeException e) {
      // A tick must never kill the schedule; the shop's own metrics show what went wrong.
      inFlight.release();
    }
  }

  private HttpRequest next(Random random) {
    int pick = random.nextInt(100);
    Call call = MIX.get(MIX.size() - 1);
    for (Call c : MIX) {
      if (pick < c.weight()) {
        call = c;
        break;
      }
      pick -= c.weight();
    }
    String path = switch (call.name()) {
      case "products" -> "/api/products";
      // A few ids above the catalogue's 200 give 404s.
      case "product" -> "/api/products/" + (1 + random.nextInt(210));
      case "order" -> call.method().equals("POST") ? "/api/orders?item=product-" + random.nextInt(200)
          : "/api/orders/" + (1 + random.nextInt(Math.max(1, (int) (sent.get() / 10) + 5)));
      case "search" -> "/api/search?q=term" + random.nextInt(50);
      default -> "/api/recommendations";
    };
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (random.nextBoolean()) {
      b.header("traceparent", TraceParent.random().toHeader().replaceFirst("-00$", "-01"));
    }
    return call.method().equals("POST") ? b.POST(HttpRequest.BodyPublishers.noBody()).build() : b.GET().build();
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
