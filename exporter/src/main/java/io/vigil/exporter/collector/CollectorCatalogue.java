package io.vigil.exporter.collector;

import io.vigil.exporter.source.procfs.Auxv;
import io.vigil.exporter.source.procfs.ProcFs;
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
              LoadavgCollector.NAME, true, "Exposes load average.",
              ctx -> new LoadavgCollector(ctx.sources().loadavg())),
          new CollectorDefinition(
              NetclassCollector.NAME, true, "Exposes network interface info from /sys/class/net/.",
              ctx -> new NetclassCollector(ctx.sources().netclass(), ctx.options().netclassDevices())),
          new CollectorDefinition(
              NetdevCollector.NAME, true, "Exposes network interface statistics such as bytes transferred.",
              ctx -> new NetdevCollector(ctx.sources().netdev(), ctx.options().netdevDevices())),
          new CollectorDefinition(
              NetstatCollector.NAME, true, "Exposes network statistics from /proc/net/netstat.",
              ctx -> new NetstatCollector(ctx.requireProcFs(NetstatCollector.NAME))),
          new CollectorDefinition(
              SockstatCollector.NAME, true, "Exposes various statistics from /proc/net/sockstat.",
              ctx -> {
                ProcFs proc = ctx.requireProcFs(SockstatCollector.NAME);
                return new SockstatCollector(proc, Auxv.pageSize(proc));
              }));

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
