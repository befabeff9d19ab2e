package io.vigil.exporter.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "direct" side of {@link SourceCrossCheckTest}: minimal reads of this Linux host's {@code /proc} files and
 * {@code statfs(2)}, written inside the test so the cross-check does not depend on the procfs parsers being
 * developed elsewhere. Swap each method for the matching {@code LinuxSources} reader once those are merged; nothing
 * else in the test needs to change.
 */
final class DirectHostReads {

  /** USER_HZ: the unit of {@code /proc/stat} times on every Linux architecture Vigil runs on. */
  static final double USER_HZ = 100.0;

  private DirectHostReads() {}

  /** Per-CPU times in seconds by mode from {@code /proc/stat} ({@code cpuN user nice system idle iowait irq softirq steal}). */
  static Map<String, Map<String, Double>> cpuSeconds() throws IOException {
    String[] modes = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};
    Map<String, Map<String, Double>> cpus = new LinkedHashMap<>();
    for (String line : lines("/proc/stat")) {
      if (line.startsWith("cpu") && Character.isDigit(line.charAt(3))) {
        String[] f = line.trim().split("\\s+");
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (int i = 0; i < modes.length && i + 1 < f.length; i++) {
          seconds.put(modes[i], Long.parseLong(f[i + 1]) / USER_HZ);
        }
        cpus.put(f[0].substring(3), seconds);
      }
    }
    return cpus;
  }

  /** {@code btime} of {@code /proc/stat}. */
  static long bootTime() throws IOException {
    return Long.parseLong(field(lines("/proc/stat"), "btime"));
  }

  /** {@code /proc/meminfo} values in bytes (kB × 1024), by key. */
  static Map<String, Double> meminfoBytes() throws IOException {
    Map<String, Double> values = new LinkedHashMap<>();
    for (String line : lines("/proc/meminfo")) {
      String[] f = line.split(":\\s*|\\s+");
      if (f.length >= 3 && f[2].equals("kB")) {
        values.put(f[0], Double.parseDouble(f[1]) * 1024);
      }
    }
    return values;
  }

  /** The three load averages of {@code /proc/loadavg}. */
  static double[] loadavg() throws IOException {
    String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
    return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
  }

  /** Received bytes per interface from {@code /proc/net/dev}. */
  static Map<String, Long> netReceiveBytes() throws IOException {
    Map<String, Long> rx = new LinkedHashMap<>();
    for (String line : lines("/proc/net/dev")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        String[] f = line.substring(colon + 1).trim().split("\\s+");
        rx.put(line.substring(0, colon).trim(), Long.parseLong(f[0]));
      }
    }
    return rx;
  }

  /** Reads completed per block device from {@code /proc/diskstats}. */
  static Map<String, Long> diskReadsCompleted() throws IOException {
    Map<String, Long> reads = new LinkedHashMap<>();
    for (String line : lines("/proc/diskstats")) {
      String[] f = line.trim().split("\\s+");
      reads.put(f[2], Long.parseLong(f[3]));
    }
    return reads;
  }

  /** {@code f_blocks * f_frsize} of a mount point, through the JDK's statfs call. */
  static long filesystemSize(String mountPoint) throws IOException {
    return Files.getFileStore(Path.of(mountPoint)).getTotalSpace();
  }

  /** {@code uname -r}. */
  static String kernelRelease() throws IOException {
    return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
  }

  private static List<String> lines(String file) throws IOException {
    return Files.readAllLines(Path.of(file));
  }

  private static String field(List<String> lines, String key) {
    return lines.stream().filter(l -> l.startsWith(key + " ")).findFirst().orElseThrow().substring(key.length() + 1)
        .trim();
  }
}
