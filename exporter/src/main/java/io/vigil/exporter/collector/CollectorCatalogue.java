package io.vigil.exporter.collector;

import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.procfs.Cpuinfo;
import java.time.Clock;
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
              CpuCollector.NAME, true, "Exposes CPU statistics.",
              ctx -> new CpuCollector(ctx.sources().stat(), cpuinfo(ctx))),
          new CollectorDefinition(
              FilefdCollector.NAME, true, "Exposes file descriptor statistics from /proc/sys/fs/file-nr.",
              ctx -> new FilefdCollector(ctx.requireProcFs(FilefdCollector.NAME))),
          new CollectorDefinition(
              LoadavgCollector.NAME, true, "Exposes load average.",
              ctx -> new LoadavgCollector(ctx.sources().loadavg())),
          new CollectorDefinition(
              MeminfoCollector.NAME, true, "Exposes memory statistics.",
              ctx -> new MeminfoCollector(ctx.sources().meminfo())),
          new CollectorDefinition(
              OsCollector.NAME, true, "Exposes OS release information from os-release files.",
              ctx -> new OsCollector(ctx.sources().osRelease())),
          new CollectorDefinition(
              PressureCollector.NAME, true, "Exposes pressure stall statistics from /proc/pressure/.",
              ctx -> new PressureCollector(ctx.requireProcFs(PressureCollector.NAME))),
          new CollectorDefinition(
              StatCollector.NAME, true, "Exposes various statistics from /proc/stat.",
              ctx -> new StatCollector(ctx.sources().stat())),
          new CollectorDefinition(
              TimeCollector.NAME, true, "Exposes the current system time.",
              ctx -> new TimeCollector(Clock.systemDefaultZone(), ctx.sysFs())),
          new CollectorDefinition(
              UnameCollector.NAME, true, "Exposes system information as provided by the uname system call.",
              ctx -> new UnameCollector(ctx.sources().uname())),
          new CollectorDefinition(
              VmstatCollector.NAME, true, "Exposes statistics from /proc/vmstat.",
              ctx -> new VmstatCollector(ctx.requireProcFs(VmstatCollector.NAME), VmstatCollector.DEFAULT_FIELDS)));

  private CollectorCatalogue() {}

  /** {@code node_cpu_info}'s reader: only with {@code cpuInfo} on, and only where {@code /proc/cpuinfo} exists. */
  private static Optional<SourceReader<Cpuinfo>> cpuinfo(CollectorContext ctx) {
    if (!ctx.options().cpuInfo()) {
      return Optional.empty();
    }
    return ctx.procFs().map(proc -> () -> Cpuinfo.read(proc));
  }

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
