package io.vigil.bench;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vigil.exporter.collector.Collector;
import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.collector.CollectorContext;
import io.vigil.exporter.collector.CollectorDefinition;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Collectors built the way the exporter builds them, but over a fixture tree ({@code proc}, {@code sys},
 * {@code run/udev/data} under one root) instead of the running host: the canonical test fixtures or a generated
 * {@link FixtureTrees tree}.
 */
public final class BenchHost {

  /** The canonical fixture tree of the exporter's tests; {@code -Dvigil.fixtures=DIR} overrides. */
  public static Path canonicalRoot() {
    Path p = Path.of(System.getProperty("vigil.fixtures", "exporter/src/test/resources/fixtures"));
    if (!Files.isDirectory(p.resolve("proc"))) {
      throw new IllegalStateException(
          "fixture tree not found at " + p.toAbsolutePath() + ": run from the repository root or set -Dvigil.fixtures");
    }
    return p;
  }

  private final CollectorContext context;

  public BenchHost(Path root) {
    HostPaths paths = new HostPaths(root.resolve("proc"), root.resolve("sys"), root, root.resolve("run/udev/data"));
    ProcFs proc = new ProcFs(paths.procfs());
    SysFs sys = new SysFs(paths.sysfs());
    HostSources sources = LinuxSources.create(proc, sys, paths, () -> "x86_64");
    this.context = new CollectorContext(
        sources, java.util.Optional.of(proc), java.util.Optional.of(sys), paths, CollectorOptions.DEFAULT);
  }

  public Collector collector(String name) throws Exception {
    CollectorDefinition def = CollectorCatalogue.find(name)
        .orElseThrow(() -> new IllegalArgumentException("no collector " + name));
    return def.factory().create(context);
  }

  public List<Collector> collectors(List<String> names) throws Exception {
    List<Collector> out = new ArrayList<>();
    for (String n : names) {
      out.add(collector(n));
    }
    return out;
  }

  /** Every catalogue collector that works on this tree (those that fail here are left out). */
  public List<Collector> workingCollectors() {
    List<Collector> out = new ArrayList<>();
    for (CollectorDefinition def : CollectorCatalogue.all()) {
      try {
        Collector c = def.factory().create(context);
        c.collect();
        out.add(c);
      } catch (Exception e) {
        // not available on this tree (no DMI, no hwmon, ...)
      }
    }
    return out;
  }

  /** One collection of each, merged as the runner merges them (minus the runner's threads and timing). */
  public static MetricSnapshots collectAll(List<Collector> collectors) throws Exception {
    List<MetricSnapshot> families = new ArrayList<>();
    for (Collector c : collectors) {
      families.addAll(c.collect());
    }
    return new MetricSnapshots(families);
  }
}
