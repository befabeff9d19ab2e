package io.vigil.exporter;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vigil.exporter.collector.ScrapeResult;
import io.vigil.exporter.collector.ScrapeRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One scrape end to end, minus HTTP: the host collectors through the {@link ScrapeRunner}, then Vigil's own
 * metrics ({@code vigil_build_info}, JVM and process metrics unless disabled).
 *
 * <p>Thread safety: safe for concurrent scrapes.
 */
public final class ScrapeService {

  private final ScrapeRunner runner;
  private final Supplier<Optional<PrometheusRegistry>> selfMetrics;
  private final MetricSnapshot buildInfo;
  private final AtomicBoolean collectedOnce = new AtomicBoolean();
  private final Supplier<List<MetricSnapshot>> exporterFamilies;
  private final FamilyOrder order = new FamilyOrder();

  public ScrapeService(ScrapeRunner runner, Optional<PrometheusRegistry> selfMetrics, BuildInfo build) {
    this(runner, () -> selfMetrics, build, List::of);
  }

  /**
   * @param selfMetrics the JVM and process metrics, if served; may wait until they are registered
   * @param exporterFamilies Vigil's own families computed per scrape (the reload status), always served
   */
  public ScrapeService(ScrapeRunner runner, Supplier<Optional<PrometheusRegistry>> selfMetrics, BuildInfo build,
      Supplier<List<MetricSnapshot>> exporterFamilies) {
    this.runner = runner;
    this.selfMetrics = selfMetrics;
    this.exporterFamilies = exporterFamilies;
    this.buildInfo =
        InfoSnapshot.builder()
            .name("vigil_build")
            .help("A metric with a constant '1' value labeled by version, revision and java_version from which "
                + "vigil_exporter was built.")
            .dataPoint(
                InfoSnapshot.InfoDataPointSnapshot.builder()
                    .labels(Labels.of("version", build.version(), "revision", build.revision(),
                        "java_version", build.javaVersion()))
                    .build())
            .build();
  }

  /**
   * @param collectors which collectors to run
   * @param budget collection deadline from Prometheus' timeout header minus the margin
   * @param families which family names to return ({@code name[]}); tested with each exposed name
   */
  public MetricSnapshots scrape(
      Predicate<String> collectors, Optional<Duration> budget, Predicate<String> families) {
    // The self metrics (a thread dump and MXBean calls) are taken while the collectors run.
    List<MetricSnapshot> self = new ArrayList<>();
    ScrapeResult result = runner.scrape(collectors, budget,
        () -> selfMetrics.get().ifPresent(r -> r.scrape(families).forEach(self::add)));
    collectedOnce.set(true);
    List<MetricSnapshot> out = new ArrayList<>(result.families().size() + 64);
    for (MetricSnapshot s : result.families()) {
      if (families.test(s.getMetadata().getPrometheusName())) {
        out.add(s);
      }
    }
    if (families.test(buildInfo.getMetadata().getPrometheusName())) {
      out.add(buildInfo);
    }
    for (MetricSnapshot s : exporterFamilies.get()) {
      if (families.test(s.getMetadata().getPrometheusName())) {
        out.add(s);
      }
    }
    out.addAll(self);
    return new MetricSnapshots(order.sort(out));
  }

  /** True once one collection has finished (the readiness condition). */
  public boolean ready() {
    return collectedOnce.get();
  }

  public ScrapeRunner runner() {
    return runner;
  }
}
