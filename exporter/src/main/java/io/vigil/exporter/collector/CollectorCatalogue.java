package io.vigil.exporter.collector;

import java.util.List;
import java.util.Optional;

/**
 * Every collector Vigil has, with node_exporter's name and default state, in one explicit list (no classpath
 * scanning, no reflection). The order here is the order of the landing page and of {@code --help}.
 */
public final class CollectorCatalogue {

  private static final List<CollectorDefinition> ALL =
      List.of(
          new CollectorDefinition(
              DiskstatsCollector.NAME, true, "Exposes disk I/O statistics.",
              ctx -> new DiskstatsCollector(ctx.sources().disks(), ctx.options().diskstatsDevices())),
          new CollectorDefinition(
              FilesystemCollector.NAME, true, "Exposes filesystem statistics, such as disk space used.",
              ctx -> new FilesystemCollector(ctx.sources().filesystem(), ctx.options().filesystem())),
          new CollectorDefinition(
              LoadavgCollector.NAME, true, "Exposes load average.",
              ctx -> new LoadavgCollector(ctx.sources().loadavg())));

  private CollectorCatalogue() {}

  public static List<CollectorDefinition> all() {
    return ALL;
  }

  public static Optional<CollectorDefinition> find(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public static java.util.Set<String> names() {
    return ALL.stream().map(CollectorDefinition::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
  }
}
