package io.vigil.exporter.collector;

import io.vigil.exporter.source.ProcessDetails;
import io.vigil.exporter.source.ProcessInfo;
import io.vigil.exporter.source.ProcessSource;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.oshi.OshiProcesses;
import io.vigil.exporter.source.procfs.LinuxProcessSource;
import io.vigil.exporter.textfile.TextfileSource;
import io.vigil.exporter.source.procfs.Auxv;
import io.vigil.exporter.source.procfs.CoolingDevice;
import io.vigil.exporter.source.procfs.Cpuinfo;
import io.vigil.exporter.source.procfs.DmiId;
import io.vigil.exporter.source.procfs.HwmonChip;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.ThermalZone;
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
              CommandCollector.NAME, false,
              "Exposes metrics printed by the commands of the config file (on when commands are configured).",
              ctx -> new CommandCollector(ctx.services().commands())),
          new CollectorDefinition(
              CpuCollector.NAME, true, "Exposes CPU statistics.",
              ctx -> new CpuCollector(ctx.sources().stat(), cpuinfo(ctx))),
          new CollectorDefinition(
              DiskstatsCollector.NAME, true, "Exposes disk I/O statistics.",
              ctx -> new DiskstatsCollector(ctx.sources().disks(), ctx.options().diskstatsDevices())),
          new CollectorDefinition(
              DmiCollector.NAME, true, "Expose Desktop Management Interface (DMI) info from /sys/class/dmi/id/",
              ctx -> {
                SysFs sys = ctx.requireSysFs(DmiCollector.NAME);
                return new DmiCollector(DmiId.read(sys), sys.path("class", "dmi", "id").toString());
              }),
          new CollectorDefinition(
              FilefdCollector.NAME, true, "Exposes file descriptor statistics from /proc/sys/fs/file-nr.",
              ctx -> new FilefdCollector(ctx.requireProcFs(FilefdCollector.NAME))),
          new CollectorDefinition(
              FilesystemCollector.NAME, true, "Exposes filesystem statistics, such as disk space used.",
              ctx -> new FilesystemCollector(ctx.sources().filesystem(), ctx.options().filesystem())),
          new CollectorDefinition(
              HwmonCollector.NAME, true, "Expose hardware monitoring and sensor data from /sys/class/hwmon/.",
              ctx -> {
                SysFs sys = ctx.requireSysFs(HwmonCollector.NAME);
                return new HwmonCollector(() -> HwmonChip.readAll(sys));
              }),
          new CollectorDefinition(
              LoadavgCollector.NAME, true, "Exposes load average.",
              ctx -> new LoadavgCollector(ctx.sources().loadavg())),
          new CollectorDefinition(
              MeminfoCollector.NAME, true, "Exposes memory statistics.",
              ctx -> new MeminfoCollector(ctx.sources().meminfo())),
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
              OsCollector.NAME, true, "Exposes OS release information from os-release files.",
              ctx -> new OsCollector(ctx.sources().osRelease())),
          new CollectorDefinition(
              PressureCollector.NAME, true, "Exposes pressure stall statistics from /proc/pressure/.",
              ctx -> new PressureCollector(ctx.requireProcFs(PressureCollector.NAME))),
          new CollectorDefinition(
              ProbeCollector.NAME, false,
              "Probes the configured HTTP and TCP targets (blackbox_exporter names; on when targets are configured).",
              ctx -> new ProbeCollector(ctx.services().probes())),
          new CollectorDefinition(
              ProcessGroupsCollector.NAME, false,
              "Exposes process groups (process-exporter names; on when groups are configured).",
              ctx -> new ProcessGroupsCollector(processSource(ctx), ctx.services().processGroups())),
          new CollectorDefinition(
              ProcessesCollector.NAME, false, "Exposes aggregate process statistics from /proc.",
              ctx -> new ProcessesCollector(ctx.requireProcFs(ProcessesCollector.NAME))),
          new CollectorDefinition(
              SockstatCollector.NAME, true, "Exposes various statistics from /proc/net/sockstat.",
              ctx -> {
                ProcFs proc = ctx.requireProcFs(SockstatCollector.NAME);
                return new SockstatCollector(proc, Auxv.pageSize(proc));
              }),
          new CollectorDefinition(
              StatCollector.NAME, true, "Exposes various statistics from /proc/stat.",
              ctx -> new StatCollector(ctx.sources().stat())),
          new CollectorDefinition(
              TextfileCollector.NAME, true, "Read prometheus metrics from text files.",
              ctx -> new TextfileCollector(new TextfileSource(
                  ctx.services().textfile().directories(), ctx.services().textfile().maxFileBytes()))),
          new CollectorDefinition(
              ThermalZoneCollector.NAME, true, "Exposes thermal zone & cooling device statistics from /sys/class/thermal.",
              ctx -> {
                SysFs sys = ctx.requireSysFs(ThermalZoneCollector.NAME);
                return new ThermalZoneCollector(() -> ThermalZone.readAll(sys), () -> CoolingDevice.readAll(sys));
              }),
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

  /** Processes from /proc on Linux, from OSHI elsewhere; not built at all when no group or top-N is configured. */
  private static ProcessSource processSource(CollectorContext ctx) throws java.io.IOException {
    if (!ctx.services().processGroups().configured()) {
      return new ProcessSource() {
        @Override
        public List<ProcessInfo> processes() {
          return List.of();
        }

        @Override
        public Optional<ProcessDetails> details(ProcessInfo process) {
          return Optional.empty();
        }
      };
    }
    if (ctx.procFs().isPresent()) {
      return LinuxProcessSource.create(ctx.procFs().get(), ctx.paths());
    }
    return new OshiProcesses(new oshi.SystemInfo().getOperatingSystem());
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
