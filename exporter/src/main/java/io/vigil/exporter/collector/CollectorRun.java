package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of one collector: queued once, then either taken by exactly one runner or given up (never started) by the
 * scrape that queued it or by the runner queue closing. Its result completes exactly once either way.
 */
final class CollectorRun {

  /** What the run produced: its families, or why it failed; start and end as {@link System#nanoTime()}. */
  record Result(List<MetricSnapshot> families, Throwable error, long startNanos, long endNanos) {
    double seconds() {
      return (endNanos - startNanos) / 1e9;
    }
  }

  private final Collector collector;
  private final long queuedNanos;
  private final long deadlineNanos;
  private final CompletableFuture<Result> result = new CompletableFuture<>();
  private final AtomicBoolean taken = new AtomicBoolean();

  CollectorRun(Collector collector, long queuedNanos, long deadlineNanos) {
    this.collector = collector;
    this.queuedNanos = queuedNanos;
    this.deadlineNanos = deadlineNanos;
  }

  CompletableFuture<Result> result() {
    return result;
  }

  long queuedNanos() {
    return queuedNanos;
  }

  /** Runs the collector, unless the run was given up or taken by another runner already. */
  void run() {
    if (!taken.compareAndSet(false, true)) {
      return;
    }
    long begin = System.nanoTime();
    try {
      List<MetricSnapshot> families = List.copyOf(collector.collect(deadlineNanos));
      ValueSanity.check(families);
      result.complete(new Result(families, null, begin, System.nanoTime()));
    } catch (Throwable t) {
      result.complete(new Result(List.of(), t, begin, System.nanoTime()));
    }
  }

  /** Completes the run with {@code why} if no runner has taken it; a run already started is left to finish. */
  void giveUp(Throwable why) {
    if (taken.compareAndSet(false, true)) {
      result.complete(new Result(List.of(), why, queuedNanos, System.nanoTime()));
    }
  }
}
