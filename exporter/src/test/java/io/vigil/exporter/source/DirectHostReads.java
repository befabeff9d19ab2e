package io.vigil.exporter.source;

import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The procfs side of {@link SourceCrossCheckTest}: this Linux host read through Vigil's own {@code LinuxSources}
 * (the parsers every Linux scrape uses), so the test cross-checks the two sources of the same records.
 */
final class DirectHostReads {

  /** USER_HZ: the unit of {@code /proc/stat} times on every Linux architecture Vigil runs on. */
  static final double USER_HZ = ProcStat.LINUX_USER_HZ;

  private static final HostSources LINUX =
      LinuxSources.create(new ProcFs(HostPaths.defaults().procfs()), new SysFs(HostPaths.defaults().sysfs()),
          HostPaths.defaults());

  private DirectHostReads() {}

  /** Per-CPU times in seconds by mode. */
  static Map<String, Map<String, Double>> cpuSeconds() throws IOException {
    Map<String, Map<String, Double>> cpus = new LinkedHashMap<>();
    for (ProcStat.CpuTimes cpu : LINUX.stat().read().cpus()) {
      cpus.put(cpu.cpu(), cpu.seconds());
    }
    return cpus;
  }

  /** Boot time, seconds since the epoch. */
  static long bootTime() throws IOException {
    return (long) LINUX.stat().read().bootTimeSeconds().orElseThrow();
  }

  /** meminfo values in bytes, by key. */
  static Map<String, Double> meminfoBytes() throws IOException {
    Map<String, Double> values = new LinkedHashMap<>();
    for (Meminfo.Field f : LINUX.meminfo().read().fields()) {
      if (f.bytes()) {
        values.put(f.name(), f.value());
      }
    }
    return values;
  }

  /** The three load averages. */
  static double[] loadavg() throws IOException {
    Loadavg l = LINUX.loadavg().read();
    return new double[] {l.load1(), l.load5(), l.load15()};
  }

  /** Received bytes per interface. */
  static Map<String, Long> netReceiveBytes() throws IOException {
    Map<String, Long> rx = new LinkedHashMap<>();
    for (NetDevStats dev : LINUX.netdev().read()) {
      rx.put(dev.device(), dev.counters().get("receive_bytes").longValue());
    }
    return rx;
  }

  /** Reads completed per block device. */
  static Map<String, Long> diskReadsCompleted() throws IOException {
    Map<String, Long> reads = new LinkedHashMap<>();
    for (DiskStats disk : LINUX.disks().diskstats()) {
      reads.put(disk.device(), disk.values().get(DiskStats.Counter.READS_COMPLETED).longValue());
    }
    return reads;
  }

  /** Size of the filesystem mounted at a mount point, through Vigil's statvfs. */
  static long filesystemSize(String mountPoint) throws IOException {
    for (Mount m : LINUX.filesystem().mounts()) {
      if (m.mountPoint().equals(mountPoint)) {
        return (long) LINUX.filesystem().usage(m).sizeBytes();
      }
    }
    throw new IOException("no mount at " + mountPoint);
  }

  /** The kernel release, as uname(2) reports it. */
  static String kernelRelease() throws IOException {
    return LINUX.uname().read().release();
  }
}
