package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Runs the enabled collectors of one scrape concurrently, each under its deadline, and merges their families.
 *
 * <p>Each collector has at most one run in flight. A scrape that finds a collector still running (a concurrent
 * scrape, or a run that hung in an earlier scrape) joins that run instead of starting another, so a hung collector
 * holds exactly one thread however often it is scraped. A collector that throws or misses its deadline is reported
 * with {@code node_scrape_collector_success 0} and its families are left out; every other family is served.
 *
 * <p>A scrape does not hand each collector to its own thread: that woke ~20 threads per scrape and kept them all
 * alive. It queues its collectors and starts a few runner tasks (about one per CPU) that take them in turn. While it
 * waits, a queued collector that has not started within {@link #GRACE} (its runners are busy with something slow or
 * hung) gets another runner, so a hung collector still holds only its own thread and delays the others by at most
 * the grace period. Collectors still queued when the scrape gives up are taken off the queue, so a later scrape
 * starts them afresh.
 *
 * <p>Thread safety: safe for concurrent scrapes.
 */
public final class ScrapeRunner implements AutoCloseable {

  public static final String DURATION_FAMILY = "node_scrape_collector_duration_seconds";
  public static final String SUCCESS_FAMILY = "node_scrape_collector_success";

  private static final Logger LOG = Logger.getLogger(ScrapeRunner.class.getName());

  /** How long a queued collector may wait for a runner before the scrape starts another one. */
  static final Duration GRACE = Duration.ofMillis(10);

  /** Runner tasks a scrape starts at once: about one per CPU, as collectors mostly wait on the kernel briefly. */
  private static final int RUNNERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final List<Slot> slots;
  private final ThreadPoolExecutor pool;
  private final CollectorHealthLog healthLog = new CollectorHealthLog();
  private final Map<String, CollectorOutcome> lastOutcomes = new ConcurrentHashMap<>();

  /**
   * @param collectors the enabled collectors, in catalogue order, each with its own timeout
   */
  public ScrapeRunner(List<TimedCollector> collectors) {
    List<Slot> built = new ArrayList<>();
    for (TimedCollector c : collectors) {
      built.add(new Slot(c.collector(), c.timeout()));
    }
    this.slots = List.copyOf(built);
    AtomicInteger threadNumber = new AtomicInteger();
    // A collector never has two runs in flight, so one thread per collector is enough even when all hang; the spare
    // covers the runners of concurrent scrapes, which end as soon as their queue is empty.
    this.pool =
        new ThreadPoolExecutor(
            0,
            Math.max(1, slots.size()) + RUNNERS,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "vigil-collector-" + threadNumber.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** A collector with the timeout that applies to it. */
  public record TimedCollector(Collector collector, Duration timeout) {}

  /** Names of the collectors this runner knows, in catalogue order. */
  public List<String> collectorNames() {
    return slots.stream().map(s -> s.collector.name()).toList();
  }

  /** The latest outcome of each collector that has run at least once (for the landing page). */
  public Map<String, CollectorOutcome> lastOutcomes() {
    return Map.copyOf(lastOutcomes);
  }

  /**
   * Runs one scrape.
   *
   * @param selected which collectors this scrape asks for ({@code collect[]} / {@code exclude[]})
   * @param scrapeBudget the scrape-wide deadline (Prometheus' timeout header minus the margin), if any
   */
  public ScrapeResult scrape(Predicate<String> selected, Optional<Duration> scrapeBudget) {
    long scrapeStart = System.nanoTime();
    List<Slot> chosen = slots.stream().filter(s -> selected.test(s.collector.name())).toList();
    Queue<Dispatch> queue = new ConcurrentLinkedQueue<>();
    List<CompletableFuture<Attempt>> runs = new ArrayList<>(chosen.size());
    for (Slot slot : chosen) {
      runs.add(slot.runOrJoin(queue));
    }
    int queued = queue.size();
    for (int i = 0; i < Math.min(RUNNERS, queued); i++) {
      startRunner(queue);
    }
    List<MetricSnapshot> families = new ArrayList<>();
    Set<String> familyNames = new HashSet<>();
    List<CollectorOutcome> outcomes = new ArrayList<>(chosen.size());
    for (int i = 0; i < chosen.size(); i++) {
      Slot slot = chosen.get(i);
      long budgetNanos = slot.timeout.toNanos();
      if (scrapeBudget.isPresent()) {
        budgetNanos = Math.min(budgetNanos, scrapeBudget.get().toNanos());
      }
      CollectorOutcome outcome =
          await(slot, runs.get(i), scrapeStart + budgetNanos, families, familyNames, queue);
      outcomes.add(outcome);
      lastOutcomes.put(outcome.name(), outcome);
      healthLog.record(outcome);
    }
    // Whatever no runner took before the deadlines: off the queue, so the next scrape starts it afresh.
    for (Dispatch left; (left = queue.poll()) != null; ) {
      left.abandon();
    }
    families.add(durationFamily(outcomes));
    families.add(successFamily(outcomes));
    return new ScrapeResult(families, outcomes);
  }

  private CollectorOutcome await(
      Slot slot,
      CompletableFuture<Attempt> run,
      long deadlineNanos,
      List<MetricSnapshot> families,
      Set<String> familyNames,
      Queue<Dispatch> queue) {
    String name = slot.collector.name();
    long waitStart = System.nanoTime();
    try {
      Attempt attempt;
      while (true) {
        long remaining = Math.max(0, deadlineNanos - System.nanoTime());
        try {
          attempt = run.get(Math.min(remaining, GRACE.toNanos()), TimeUnit.NANOSECONDS);
          break;
        } catch (TimeoutException e) {
          if (remaining <= GRACE.toNanos()) {
            throw e;
          }
          if (!queue.isEmpty()) {
            startRunner(queue); // the runners are stuck on slow collectors: one more for the waiting ones
          }
        }
      }
      if (attempt.error != null) {
        return CollectorOutcome.failed(name, attempt.seconds(), describe(attempt.error));
      }
      for (MetricSnapshot family : attempt.families) {
        String familyName = family.getMetadata().getPrometheusName();
        if (familyNames.add(familyName)) {
          families.add(family);
        } else {
          LOG.fine(() -> "collector=" + name + " duplicate family dropped: " + familyName);
        }
      }
      return CollectorOutcome.succeeded(name, attempt.seconds());
    } catch (TimeoutException e) {
      double waited = (System.nanoTime() - Math.min(waitStart, slot.startedAt(run))) / 1e9;
      return CollectorOutcome.failed(name, waited, "deadline exceeded");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CollectorOutcome.failed(name, 0, "interrupted");
    } catch (ExecutionException e) {
      return CollectorOutcome.failed(name, 0, describe(e.getCause()));
    }
  }

  /** Starts a task that runs queued collectors until the queue is empty; fails them if no thread can be had. */
  private void startRunner(Queue<Dispatch> queue) {
    try {
      pool.execute(() -> {
        for (Dispatch d; (d = queue.poll()) != null; ) {
          d.execute();
        }
      });
    } catch (RejectedExecutionException e) {
      for (Dispatch d; (d = queue.poll()) != null; ) {
        d.reject(e);
      }
    }
  }

  static String describe(Throwable error) {
    String message = error.getMessage();
    String type = error.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  private static MetricSnapshot durationFamily(List<CollectorOutcome> outcomes) {
    GaugeSnapshot.Builder b =
        GaugeSnapshot.builder()
            .name(DURATION_FAMILY)
            .help("node_exporter: Duration of a collector scrape.");
    for (CollectorOutcome o : outcomes) {
      b.dataPoint(
          GaugeDataPointSnapshot.builder()
              .labels(Labels.of("collector", o.name()))
              .value(o.durationSeconds())
              .build());
    }
    return b.build();
  }

  private static MetricSnapshot successFamily(List<CollectorOutcome> outcomes) {
    GaugeSnapshot.Builder b =
        GaugeSnapshot.builder()
            .name(SUCCESS_FAMILY)
            .help("node_exporter: Whether a collector succeeded.");
    for (CollectorOutcome o : outcomes) {
      b.dataPoint(
          GaugeDataPointSnapshot.builder()
              .labels(Labels.of("collector", o.name()))
              .value(o.success() ? 1 : 0)
              .build());
    }
    return b.build();
  }

  /** Number of collector threads alive now (busy or idle); for tests and the landing page. */
  public int collectorThreads() {
    return pool.getPoolSize();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  /** Result of one run of one collector. */
  private record Attempt(List<MetricSnapshot> families, Throwable error, long startNanos, long endNanos) {
    double seconds() {
      return (endNanos - startNanos) / 1e9;
    }
  }

  /** One queued run of a collector, taken by exactly one runner (or abandoned by the scrape that queued it). */
  private record Dispatch(Collector collector, CompletableFuture<Attempt> future, long queuedNanos) {
    void execute() {
      long begin = System.nanoTime();
      try {
        List<MetricSnapshot> families = collector.collect();
        future.complete(new Attempt(List.copyOf(families), null, begin, System.nanoTime()));
      } catch (Throwable t) {
        future.complete(new Attempt(List.of(), t, begin, System.nanoTime()));
      }
    }

    void reject(RejectedExecutionException e) {
      future.complete(new Attempt(List.of(), e, queuedNanos, System.nanoTime()));
    }

    /** Never started: completed so the slot is free again (the scrape already reported the deadline). */
    void abandon() {
      future.complete(new Attempt(List.of(), new TimeoutException("not started before the deadline"), queuedNanos,
          System.nanoTime()));
    }
  }

  /** A collector and its at-most-one run in flight. */
  private static final class Slot {
    private final Collector collector;
    private final Duration timeout;
    private CompletableFuture<Attempt> inFlight; // guarded by this
    private long inFlightStart; // guarded by this

    Slot(Collector collector, Duration timeout) {
      this.collector = collector;
      this.timeout = timeout;
    }

    synchronized CompletableFuture<Attempt> runOrJoin(Queue<Dispatch> queue) {
      if (inFlight != null && !inFlight.isDone()) {
        return inFlight;
      }
      CompletableFuture<Attempt> run = new CompletableFuture<>();
      long start = System.nanoTime();
      queue.add(new Dispatch(collector, run, start));
      inFlight = run;
      inFlightStart = start;
      return run;
    }

    synchronized long startedAt(CompletableFuture<Attempt> run) {
      return run == inFlight ? inFlightStart : System.nanoTime();
    }
  }
}
