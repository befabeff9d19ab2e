package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.config.ProbeConfig;
import io.vigil.exporter.probe.ProbeFamilies;
import io.vigil.exporter.probe.ProbeResult;
import io.vigil.exporter.probe.Probes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Vigil's {@code probe} collector: the {@code probes.targets} of the config, probed concurrently on every scrape and
 * exported with blackbox_exporter's names plus the labels {@code probe} (the target's name) and {@code target}:
 *
 * <pre>
 * probe_success{probe="homepage",target="https://example.org/"} 1
 * probe_http_duration_seconds{phase="tls",probe="homepage",target="https://example.org/"} 0.012
 * </pre>
 *
 * <p>Every probe ends by the scrape deadline (less a small margin for encoding) or its module's timeout, whichever
 * comes first; a probe still running then is reported with {@code probe_success 0} and the time it had. A failing
 * probe never fails the collector.
 *
 * <p>Thread safety: called by one thread at a time (the runner); probes run on a private pool, one thread per
 * target at most.
 */
public final class ProbeCollector implements Collector, AutoCloseable {

  public static final String NAME = "probe";

  /** Left for merging and encoding the scrape after the probes. */
  static final long MARGIN_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private static final Logger LOG = Logger.getLogger(ProbeCollector.class.getName());

  private final ProbeConfig config;
  private final ExecutorService pool;
  private final ItemHealthLog health = new ItemHealthLog(LOG, NAME);

  public ProbeCollector(ProbeConfig config) {
    this.config = config;
    this.pool = DaemonPool.fixed("vigil-probe-", config.targets().size());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() {
    return collect(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
  }

  @Override
  public List<MetricSnapshot> collect(long deadlineNanos) {
    long start = System.nanoTime();
    long deadline = deadlineNanos - MARGIN_NANOS;
    List<CompletableFuture<ProbeResult>> runs = new ArrayList<>();
    for (ProbeConfig.Target t : config.targets()) {
      ProbeConfig.Module module = config.modules().get(t.module());
      CompletableFuture<ProbeResult> run;
      try {
        run = CompletableFuture.supplyAsync(() -> Probes.run(module, t.target(), deadline), pool);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        run = CompletableFuture.completedFuture(lateResult(module, start)); // a probe of an earlier scrape hangs
      }
      runs.add(run);
    }
    List<ProbeFamilies.Labelled> results = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      ProbeConfig.Target t = config.targets().get(i);
      ProbeConfig.Module module = config.modules().get(t.module());
      ProbeResult r;
      try {
        r = runs.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        r = lateResult(module, start);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        r = lateResult(module, start);
      } catch (ExecutionException e) {
        r = lateResult(module, start);
      }
      health.record("probe " + t.name(), r.success() ? Optional.empty()
          : Optional.of("probe " + t.name() + " of " + t.target() + " (module " + t.module() + ") failed"));
      results.add(new ProbeFamilies.Labelled(Labels.of("probe", t.name(), "target", t.target()), r));
    }
    return ProbeFamilies.render(results);
  }

  private static ProbeResult lateResult(ProbeConfig.Module module, long start) {
    return ProbeResult.failed((System.nanoTime() - start) / 1e9, module.prober() == ProbeConfig.Prober.HTTP);
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
