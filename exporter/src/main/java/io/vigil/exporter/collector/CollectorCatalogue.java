package io.vigil.exporter.collector;

import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.procfs.Auxv;
import io.vigil.exporter.source.procfs.Cpuinfo;
import io.vigil.exporter.source.procfs.ProcFs;
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
              BcacheCollector.NAME, true, "Exposes bcache statistics from /sys/fs/bcache/.",
              ctx -> new BcacheCollector(ctx.requireSysFs(BcacheCollector.NAME), false)),
          new CollectorDefinition(
              BtrfsCollector.NAME, true, "Exposes btrfs statistics from /sys/fs/btrfs/.",
              ctx -> new BtrfsCollector(ctx.requireSysFs(BtrfsCollector.NAME))),
          new CollectorDefinition(
              CpuCollector.NAME, true, "Exposes CPU statistics.",
              ctx -> new CpuCollector(ctx.sources().stat(), cpuinfo(ctx))),
          new CollectorDefinition(
              DiskstatsCollector.NAME, true, "Exposes disk I/O statistics.",
              ctx -> new DiskstatsCollector(ctx.sources().disks(), ctx.options().diskstatsDevices())),
          new CollectorDefinition(
              FibrechannelCollector.NAME, true, "Exposes Fibre Channel host port statistics from /sys/class/fc_host/.",
              ctx -> new FibrechannelCollector(ctx.requireSysFs(FibrechannelCollector.NAME))),
          new CollectorDefinition(
              FilefdCollector.NAME, true, "Exposes file descriptor statistics from /proc/sys/fs/file-nr.",
              ctx -> new FilefdCollector(ctx.requireProcFs(FilefdCollector.NAME))),
          new CollectorDefinition(
              FilesystemCollector.NAME, true, "Exposes filesystem statistics, such as disk space used.",
              ctx -> new FilesystemCollector(ctx.sources().filesystem(), ctx.options().filesystem())),
          new CollectorDefinition(
              LoadavgCollector.NAME, true, "Exposes load average.",
              ctx -> new LoadavgCollector(ctx.sources().loadavg())),
          new CollectorDefinition(
              MdadmCollector.NAME, true, "Exposes statistics about devices in /proc/mdstat.",
              ctx -> new MdadmCollector(ctx.requireProcFs(MdadmCollector.NAME))),
          new CollectorDefinition(
              MeminfoCollector.NAME, true, "Exposes memory statistics.",
              ctx -> new MeminfoCollector(ctx.sources().meminfo())),
          new CollectorDefinition(
              MountstatsCollector.NAME, false, "Exposes NFS client statistics from /proc/self/mountstats.",
              ctx -> new MountstatsCollector(ctx.requireProcFs(MountstatsCollector.NAME))),
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
              NfsCollector.NAME, true, "Exposes NFS client statistics from /proc/net/rpc/nfs.",
              ctx -> new NfsCollector(ctx.requireProcFs(NfsCollector.NAME))),
          new CollectorDefinition(
              NfsdCollector.NAME, true, "Exposes NFS kernel server statistics from /proc/net/rpc/nfsd.",
              ctx -> new NfsdCollector(ctx.requireProcFs(NfsdCollector.NAME))),
          new CollectorDefinition(
              NvmeCollector.NAME, true, "Exposes NVMe controller info from /sys/class/nvme/.",
              ctx -> new NvmeCollector(ctx.requireSysFs(NvmeCollector.NAME))),
          new CollectorDefinition(
              OsCollector.NAME, true, "Exposes OS release information from os-release files.",
              ctx -> new OsCollector(ctx.sources().osRelease())),
          new CollectorDefinition(
              PressureCollector.NAME, true, "Exposes pressure stall statistics from /proc/pressure/.",
              ctx -> new PressureCollector(ctx.requireProcFs(PressureCollector.NAME))),
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
              TapestatsCollector.NAME, true, "Exposes SCSI tape device statistics from /sys/class/scsi_tape/.",
              ctx -> new TapestatsCollector(ctx.requireSysFs(TapestatsCollector.NAME), DeviceFilter.ALL)),
          new CollectorDefinition(
              TimeCollector.NAME, true, "Exposes the current system time.",
              ctx -> new TimeCollector(Clock.systemDefaultZone(), ctx.sysFs())),
          new CollectorDefinition(
              UnameCollector.NAME, true, "Exposes system information as provided by the uname system call.",
              ctx -> new UnameCollector(ctx.sources().uname())),
          new CollectorDefinition(
              VmstatCollector.NAME, true, "Exposes statistics from /proc/vmstat.",
              ctx -> new VmstatCollector(ctx.requireProcFs(VmstatCollector.NAME), VmstatCollector.DEFAULT_FIELDS)),
          new CollectorDefinition(
              XfsCollector.NAME, true, "Exposes XFS runtime statistics from /sys/fs/xfs/.",
              ctx -> new XfsCollector(ctx.requireSysFs(XfsCollector.NAME))),
          new CollectorDefinition(
              ZfsCollector.NAME, true, "Exposes ZFS performance statistics from /proc/spl/kstat/zfs/.",
              ctx -> new ZfsCollector(ctx.requireProcFs(ZfsCollector.NAME))));


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
