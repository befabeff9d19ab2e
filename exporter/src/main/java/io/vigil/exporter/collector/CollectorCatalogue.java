package io.vigil.exporter.collector;

import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.source.ProcessDetails;
import io.vigil.exporter.source.ProcessInfo;
import io.vigil.exporter.source.ProcessSource;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.oshi.OshiProcesses;
import io.vigil.exporter.source.procfs.AdjtimexSyscall;
import io.vigil.exporter.source.procfs.Auxv;
import io.vigil.exporter.source.procfs.CoolingDevice;
import io.vigil.exporter.source.procfs.Cpuinfo;
import io.vigil.exporter.source.procfs.DmiId;
import io.vigil.exporter.source.procfs.HwmonChip;
import io.vigil.exporter.source.procfs.LinuxProcessSource;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.ThermalZone;
import io.vigil.exporter.textfile.TextfileSource;
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
              ArpCollector.NAME, true, "Exposes ARP statistics from /proc/net/arp.",
              ctx -> new ArpCollector(ctx.requireProcFs(ArpCollector.NAME))),
          new CollectorDefinition(
              BcacheCollector.NAME, true, "Exposes bcache statistics from /sys/fs/bcache/.",
              ctx -> new BcacheCollector(ctx.requireSysFs(BcacheCollector.NAME), false)),
          new CollectorDefinition(
              BondingCollector.NAME, true,
              "Exposes the number of configured and active slaves of Linux bonding interfaces.",
              ctx -> new BondingCollector(ctx.requireSysFs(BondingCollector.NAME))),
          new CollectorDefinition(
              BtrfsCollector.NAME, true, "Exposes btrfs statistics from /sys/fs/btrfs/.",
              ctx -> new BtrfsCollector(ctx.requireSysFs(BtrfsCollector.NAME))),
          new CollectorDefinition(
              BuddyinfoCollector.NAME, false,
              "Exposes statistics of memory fragments as reported by /proc/buddyinfo.",
              ctx -> new BuddyinfoCollector(ctx.requireProcFs(BuddyinfoCollector.NAME))),
          new CollectorDefinition(
              CgroupsCollector.NAME, false, "Exposes a summary of cgroups from /proc/cgroups.",
              ctx -> new CgroupsCollector(ctx.requireProcFs(CgroupsCollector.NAME))),
          new CollectorDefinition(
              CommandCollector.NAME, false,
              "Exposes metrics printed by the commands of the config file (on when commands are configured).",
              ctx -> new CommandCollector(ctx.services().commands())),
          new CollectorDefinition(
              ConntrackCollector.NAME, true,
              "Exposes conntrack statistics from /proc/sys/net/netfilter/ and /proc/net/stat/nf_conntrack.",
              ctx -> new ConntrackCollector(ctx.requireProcFs(ConntrackCollector.NAME))),
          new CollectorDefinition(
              CpuCollector.NAME, true, "Exposes CPU statistics.",
              ctx -> new CpuCollector(ctx.sources().stat(), cpuinfo(ctx))),
          new CollectorDefinition(
              CpufreqCollector.NAME, true,
              "Exposes CPU frequency statistics from /sys/devices/system/cpu/cpu*/cpufreq/.",
              ctx -> new CpufreqCollector(ctx.requireSysFs(CpufreqCollector.NAME))),
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
              EdacCollector.NAME, true,
              "Exposes error detection and correction statistics from /sys/devices/system/edac/mc/.",
              ctx -> new EdacCollector(ctx.requireSysFs(EdacCollector.NAME))),
          new CollectorDefinition(
              EntropyCollector.NAME, true, "Exposes available entropy.",
              ctx -> new EntropyCollector(ctx.requireProcFs(EntropyCollector.NAME))),
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
              HwmonCollector.NAME, true, "Expose hardware monitoring and sensor data from /sys/class/hwmon/.",
              ctx -> {
                SysFs sys = ctx.requireSysFs(HwmonCollector.NAME);
                return new HwmonCollector(() -> HwmonChip.readAll(sys));
              }),
          new CollectorDefinition(
              InfinibandCollector.NAME, true,
              "Exposes network statistics specific to InfiniBand and Intel OmniPath configurations.",
              ctx -> new InfinibandCollector(ctx.requireSysFs(InfinibandCollector.NAME))),
          new CollectorDefinition(
              InterruptsCollector.NAME, false, "Exposes detailed interrupts statistics from /proc/interrupts.",
              ctx -> new InterruptsCollector(ctx.requireProcFs(InterruptsCollector.NAME))),
          new CollectorDefinition(
              IpvsCollector.NAME, true,
              "Exposes IPVS status from /proc/net/ip_vs and stats from /proc/net/ip_vs_stats.",
              ctx -> new IpvsCollector(ctx.requireProcFs(IpvsCollector.NAME))),
          new CollectorDefinition(
              KsmdCollector.NAME, false, "Exposes kernel and system statistics from /sys/kernel/mm/ksm.",
              ctx -> new KsmdCollector(ctx.requireSysFs(KsmdCollector.NAME))),
          new CollectorDefinition(
              LnstatCollector.NAME, false, "Exposes stats from /proc/net/stat/.",
              ctx -> new LnstatCollector(ctx.requireProcFs(LnstatCollector.NAME))),
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
              MeminfoNumaCollector.NAME, false,
              "Exposes per-NUMA-node memory statistics from /sys/devices/system/node/.",
              ctx -> new MeminfoNumaCollector(ctx.requireSysFs(MeminfoNumaCollector.NAME))),
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
              NetworkRouteCollector.NAME, false, "Exposes the routing table as metrics.",
              ctx -> new NetworkRouteCollector(ctx.requireProcFs(NetworkRouteCollector.NAME))),
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
              PowerSupplyClassCollector.NAME, true,
              "Exposes power supply statistics from /sys/class/power_supply/.",
              ctx -> new PowerSupplyClassCollector(ctx.requireSysFs(PowerSupplyClassCollector.NAME))),
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
              RaplCollector.NAME, true, "Exposes RAPL energy counters from /sys/class/powercap/.",
              ctx -> new RaplCollector(ctx.requireSysFs(RaplCollector.NAME))),
          new CollectorDefinition(
              SchedstatCollector.NAME, true, "Exposes task scheduler statistics from /proc/schedstat.",
              ctx -> new SchedstatCollector(ctx.requireProcFs(SchedstatCollector.NAME))),
          new CollectorDefinition(
              SelinuxCollector.NAME, true, "Exposes SELinux statistics.",
              ctx -> new SelinuxCollector(ctx.requireSysFs(SelinuxCollector.NAME),
                  ctx.requireProcFs(SelinuxCollector.NAME), ctx.paths().rootfsPath("/etc/selinux/config"))),
          new CollectorDefinition(
              SockstatCollector.NAME, true, "Exposes various statistics from /proc/net/sockstat.",
              ctx -> {
                ProcFs proc = ctx.requireProcFs(SockstatCollector.NAME);
                return new SockstatCollector(proc, Auxv.pageSize(proc));
              }),
          new CollectorDefinition(
              SoftnetCollector.NAME, true, "Exposes statistics from /proc/net/softnet_stat.",
              ctx -> new SoftnetCollector(ctx.requireProcFs(SoftnetCollector.NAME))),
          new CollectorDefinition(
              StatCollector.NAME, true, "Exposes various statistics from /proc/stat.",
              ctx -> new StatCollector(ctx.sources().stat())),
          new CollectorDefinition(
              SysctlCollector.NAME, false, "Exposes the configured sysctl values from /proc/sys.",
              ctx -> new SysctlCollector(ctx.requireProcFs(SysctlCollector.NAME), ctx.options().sysctlInclude())),
          new CollectorDefinition(
              TapestatsCollector.NAME, true, "Exposes SCSI tape device statistics from /sys/class/scsi_tape/.",
              ctx -> new TapestatsCollector(ctx.requireSysFs(TapestatsCollector.NAME), DeviceFilter.ALL)),
          new CollectorDefinition(
              TcpstatCollector.NAME, false,
              "Exposes TCP connection status information from /proc/net/tcp and /proc/net/tcp6.",
              ctx -> new TcpstatCollector(ctx.requireProcFs(TcpstatCollector.NAME))),
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
              TimexCollector.NAME, true, "Exposes selected adjtimex(2) system call stats.",
              ctx -> {
                ctx.requireProcFs(TimexCollector.NAME); // adjtimex(2) is Linux's
                return new TimexCollector(AdjtimexSyscall::read);
              }),
          new CollectorDefinition(
              UdpQueuesCollector.NAME, true,
              "Exposes UDP total lengths of the rx_queue and tx_queue from /proc/net/udp and /proc/net/udp6.",
              ctx -> new UdpQueuesCollector(ctx.requireProcFs(UdpQueuesCollector.NAME))),
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
