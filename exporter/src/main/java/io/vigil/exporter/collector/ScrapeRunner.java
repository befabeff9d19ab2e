package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * <p>A scrape does not hand each collector to a thread of its own: that woke one thread per collector on every
 * scrape (~45 context switches) and kept as many threads alive. It queues its collectors, costliest first by their
 * last duration, for about one runner thread per CPU ({@link RunQueue}). While the scrape waits, if collectors are
 * still queued and no runner has taken one for {@link #GRACE} (they are busy with something slow or hung), it adds a
 * runner, so a hung collector holds only its own thread and delays the others by at most the grace. Collectors still
 * queued when the scrape ends are given up and reported as not started, so a later scrape starts them afresh.
 *
 * <p>Thread safety: safe for concurrent scrapes.
 */
public final class ScrapeRunner implements AutoCloseable {

  public static final String DURATION_FAMILY = "node_scrape_collector_duration_seconds";
  public static final String SUCCESS_FAMILY = "node_scrape_collector_success";

  private static final Logger LOG = Logger.getLogger(ScrapeRunner.class.getName());

  /** How long collectors may wait in the queue before the scrape adds a runner. */
  static final Duration GRACE = Duration.ofMillis(10);

  /** Permanent runners: one per CPU (collectors are short bursts of CPU and file reads), at least two. */
  static final int RUNNERS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

  private final List<Slot> slots;
  private final RunQueue runQueue;
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
    this.runQueue = new RunQueue("vigil-collector-", Math.min(RUNNERS, slots.size()));
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
    return scrape(selected, scrapeBudget, () -> {});
  }

  /**
   * Runs one scrape, and {@code meanwhile} on the calling thread once the collectors are queued, so the caller's own
   * work (Vigil's self metrics) overlaps the collectors instead of following them. If {@code meanwhile} throws, the
   * scrape still ends normally (runs awaited or given up) before the exception is rethrown.
   */
  public ScrapeResult scrape(Predicate<String> selected, Optional<Duration> scrapeBudget, Runnable meanwhile) {
    long scrapeStart = System.nanoTime();
    List<Slot> chosen = slots.stream().filter(s -> selected.test(s.collector.name())).toList();
    Map<Slot, CollectorRun> runs = new IdentityHashMap<>();
    List<CollectorRun> queuedHere = new ArrayList<>();
    // Costliest first, so the last collector to finish is a cheap one and the runners end together.
    for (Slot slot : costliestFirst(chosen)) {
      Slot.Joined joined = slot.runOrJoin(scrapeStart + budget(slot, scrapeBudget));
      runs.put(slot, joined.run());
      if (joined.fresh()) {
        queuedHere.add(joined.run());
        runQueue.submit(joined.run());
      }
    }
    RuntimeException meanwhileFailed = null;
    try {
      meanwhile.run();
    } catch (RuntimeException e) {
      meanwhileFailed = e;
    }
    List<MetricSnapshot> families = new ArrayList<>();
    Set<String> familyNames = new HashSet<>();
    List<CollectorOutcome> outcomes = new ArrayList<>(chosen.size());
    for (Slot slot : chosen) {
      CollectorOutcome outcome =
          await(slot, runs.get(slot), scrapeStart + budget(slot, scrapeBudget), families, familyNames);
      outcomes.add(outcome);
      slot.lastSeconds = outcome.durationSeconds();
      lastOutcomes.put(outcome.name(), outcome);
      healthLog.record(outcome);
    }
    // What no runner took before the deadlines is given up, so the next scrape queues it afresh.
    for (CollectorRun run : queuedHere) {
      if (!run.result().isDone()) {
        run.giveUp(new TimeoutException("not started before the deadline"));
        runQueue.remove(run);
      }
    }
    if (meanwhileFailed != null) {
      throw meanwhileFailed;
    }
    families.add(durationFamily(outcomes));
    families.add(successFamily(outcomes));
    return new ScrapeResult(families, outcomes);
  }

  private static List<Slot> costliestFirst(List<Slot> chosen) {
    List<Slot> ordered = new ArrayList<>(chosen);
    ordered.sort(Comparator.comparingDouble((Slot s) -> s.lastSeconds).reversed());
    return ordered;
  }

  /** A collector's deadline: its timeout, or the scrape's budget when that is shorter. */
  private static long budget(Slot slot, Optional<Duration> scrapeBudget) {
    long budgetNanos = slot.timeout.toNanos();
    if (scrapeBudget.isPresent()) {
      budgetNanos = Math.min(budgetNanos, scrapeBudget.get().toNanos());
    }
    return budgetNanos;
  }

  private CollectorOutcome await(
      Slot slot, CollectorRun run, long deadlineNanos, List<MetricSnapshot> families, Set<String> familyNames) {
    String name = slot.collector.name();
    long waitStart = System.nanoTime();
    try {
      CollectorRun.Result result = awaitAddingRunners(run, deadlineNanos);
      if (result.error() instanceof NoDataException) {
        return CollectorOutcome.noData(name, result.seconds(), describe(result.error()));
      }
      if (result.error() != null) {
        return CollectorOutcome.failed(name, result.seconds(), describe(result.error()));
      }
      for (MetricSnapshot family : result.families()) {
        String familyName = family.getMetadata().getPrometheusName();
        if (familyNames.add(familyName)) {
          families.add(family);
        } else {
          LOG.fine(() -> "collector=" + name + " duplicate family dropped: " + familyName);
        }
      }
      return CollectorOutcome.succeeded(name, result.seconds());
    } catch (TimeoutException e) {
      double waited = (System.nanoTime() - Math.min(waitStart, run.queuedNanos())) / 1e9;
      return CollectorOutcome.failed(name, waited, "deadline exceeded");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CollectorOutcome.failed(name, 0, "interrupted");
    } catch (ExecutionException e) {
      return CollectorOutcome.failed(name, 0, describe(e.getCause()));
    }
  }

  /** Waits for a run until the deadline; each {@link #GRACE} that the queue makes no progress, adds a runner. */
  private CollectorRun.Result awaitAddingRunners(CollectorRun run, long deadlineNanos)
      throws InterruptedException, ExecutionException, TimeoutException {
    while (true) {
      long remaining = Math.max(0, deadlineNanos - System.nanoTime());
      try {
        return run.result().get(Math.min(remaining, GRACE.toNanos()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        if (remaining <= GRACE.toNanos()) {
          throw e;
        }
        if (runQueue.stalled(GRACE.toNanos())) {
          runQueue.addRunner(); // the runners are busy with slow or hung collectors
        }
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
    return runQueue.threads();
  }

  @Override
  public void close() {
    runQueue.close();
  }

  /** A collector and its at-most-one run in flight. */
  private static final class Slot {
    private final Collector collector;
    private final Duration timeout;
    private CollectorRun inFlight; // guarded by this
    /** Duration of the last outcome: the queue order of the next scrape (a hint; races are harmless). */
    private volatile double lastSeconds;

    Slot(Collector collector, Duration timeout) {
      this.collector = collector;
      this.timeout = timeout;
    }

    /** The run in flight, or a fresh one for the caller to queue. */
    record Joined(CollectorRun run, boolean fresh) {}

    synchronized Joined runOrJoin(long deadlineNanos) {
      if (inFlight != null && !inFlight.result().isDone()) {
        return new Joined(inFlight, false);
      }
      inFlight = new CollectorRun(collector, System.nanoTime(), deadlineNanos);
      return new Joined(inFlight, true);
    }
  }
}
