package io.vigil.exporter.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Kernel and CPU activity: {@code /proc/stat} on Linux (see proc(5) and kernel
 * Documentation/filesystems/proc.rst, "Miscellaneous kernel statistics in /proc/stat"); CPU ticks and counters from
 * OSHI elsewhere.
 *
 * @param cpus per-CPU times, in file order ({@code cpu="0"}, {@code "1"}, ...); offline CPUs are not listed, so
 *     numbers may have gaps
 * @param bootTimeSeconds {@code btime}: boot time, seconds since the epoch
 * @param contextSwitches {@code ctxt}
 * @param interrupts first field of {@code intr}
 * @param forks {@code processes}
 * @param procsRunning {@code procs_running}
 * @param procsBlocked {@code procs_blocked}
 */
public record ProcStat(
    List<CpuTimes> cpus,
    OptionalDouble bootTimeSeconds,
    OptionalLong contextSwitches,
    OptionalLong interrupts,
    OptionalLong forks,
    OptionalLong procsRunning,
    OptionalLong procsBlocked) {

  /**
   * The kernel's USER_HZ ({@code sysconf(_SC_CLK_TCK)}): 100 on all mainstream architectures (node_exporter's procfs
   * library assumes it too). Passed to {@link #parse} rather than assumed there, so fixtures give the same seconds on
   * every host.
   */
  public static final int LINUX_USER_HZ = 100;

  /** Column names of a {@code cpuN} line after the label, in file order, as node_exporter names the modes. */
  private static final String[] MODES = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};

  /** The guest columns that follow, with node_exporter's mode name for each (guest, guest_nice). */
  private static final String[] GUEST_MODES = {"user", "nice"};

  /** Linux 2.4 had only user, nice, system and idle; anything shorter is not a CPU line. */
  private static final int MIN_CPU_COLUMNS = 4;

  public ProcStat {
    cpus = List.copyOf(cpus);
  }

  /**
   * Parses {@code /proc/stat}. The aggregate {@code cpu} line and keys other than the ones recorded here
   * ({@code softirq}, {@code page}, ...) are skipped; a column or key an older kernel does not print stays absent.
   *
   * @param path the file, for error messages
   * @param ticksPerSecond USER_HZ, the unit of the CPU columns ({@link #LINUX_USER_HZ} on Linux)
   * @throws MalformedFileException on an empty file, a CPU line with fewer than 4 or non-numeric columns, or a
   *     non-numeric value of a recorded key
   */
  public static ProcStat parse(Path path, String text, int ticksPerSecond) throws MalformedFileException {
    if (ticksPerSecond <= 0) {
      throw new IllegalArgumentException("ticksPerSecond must be positive: " + ticksPerSecond);
    }
    if (text.isBlank()) {
      throw new MalformedFileException(path, 0, null, "empty file");
    }
    List<CpuTimes> cpus = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    OptionalDouble btime = OptionalDouble.empty();
    OptionalLong ctxt = OptionalLong.empty();
    OptionalLong intr = OptionalLong.empty();
    OptionalLong processes = OptionalLong.empty();
    OptionalLong running = OptionalLong.empty();
    OptionalLong blocked = OptionalLong.empty();
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      int space = line.indexOf(' ');
      String key = space < 0 ? line : line.substring(0, space);
      if (key.startsWith("cpu")) {
        if (key.length() > 3) {
          CpuTimes cpu = cpuLine(path, lineNo, line, key.substring(3), ticksPerSecond);
          if (!seen.add(cpu.cpu())) {
            throw new MalformedFileException(path, lineNo, line, "CPU listed twice");
          }
          cpus.add(cpu);
        }
        continue;
      }
      switch (key) {
        case "btime" -> btime = OptionalDouble.of(firstValue(path, lineNo, line, space));
        case "ctxt" -> ctxt = OptionalLong.of(firstValue(path, lineNo, line, space));
        case "intr" -> intr = OptionalLong.of(firstValue(path, lineNo, line, space));
        case "processes" -> processes = OptionalLong.of(firstValue(path, lineNo, line, space));
        case "procs_running" -> running = OptionalLong.of(firstValue(path, lineNo, line, space));
        case "procs_blocked" -> blocked = OptionalLong.of(firstValue(path, lineNo, line, space));
        default -> {
          // softirq, page, swap, disk_io (2.4) and future keys: not exported by node_exporter's defaults
        }
      }
    }
    return new ProcStat(cpus, btime, ctxt, intr, processes, running, blocked);
  }

  private static CpuTimes cpuLine(Path path, int lineNo, String line, String number, int hz)
      throws MalformedFileException {
    if (!isDigits(number)) {
      throw new MalformedFileException(path, lineNo, line, "expected cpu<N>");
    }
    List<String> fields = Tokens.fields(line);
    int columns = fields.size() - 1;
    if (columns < MIN_CPU_COLUMNS) {
      throw new MalformedFileException(path, lineNo, line, "expected at least " + MIN_CPU_COLUMNS + " CPU times");
    }
    Map<String, Double> seconds = new LinkedHashMap<>();
    Map<String, Double> guest = new LinkedHashMap<>();
    for (int i = 0; i < columns && i < MODES.length + GUEST_MODES.length; i++) {
      double value = parseTicks(path, lineNo, line, fields.get(i + 1)) / hz;
      if (i < MODES.length) {
        seconds.put(MODES[i], value);
      } else {
        guest.put(GUEST_MODES[i - MODES.length], value);
      }
    }
    return new CpuTimes(number, seconds, guest);
  }

  /** The first number after the key: {@code intr 144635 0 0 ...} holds thousands of per-IRQ counts we skip. */
  private static long firstValue(Path path, int lineNo, String line, int space) throws MalformedFileException {
    if (space < 0) {
      throw new MalformedFileException(path, lineNo, line, "missing value");
    }
    int start = space;
    while (start < line.length() && line.charAt(start) == ' ') {
      start++;
    }
    int end = line.indexOf(' ', start);
    String value = line.substring(start, end < 0 ? line.length() : end);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, lineNo, line, "expected an integer value");
    }
  }

  private static double parseTicks(Path path, int lineNo, String line, String field) throws MalformedFileException {
    try {
      long ticks = Long.parseUnsignedLong(field);
      return ticks >= 0 ? ticks : (ticks >>> 1) * 2.0 + (ticks & 1); // counters past 2^63 stay positive
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, lineNo, line, "expected unsigned integer CPU times");
    }
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Time one CPU spent per mode, in seconds (USER_HZ ticks already converted).
   *
   * @param cpu the CPU number as node_exporter labels it ({@code "0"})
   * @param seconds by node_exporter mode name: user, nice, system, idle, iowait, irq, softirq, steal; modes the
   *     platform does not report are absent
   * @param guestSeconds guest time by mode (user, nice); empty where unknown. Linux counts guest time inside user and
   *     nice as well; node_exporter reports it separately as {@code node_cpu_guest_seconds_total}
   */
  public record CpuTimes(String cpu, Map<String, Double> seconds, Map<String, Double> guestSeconds) {
    public CpuTimes {
      seconds = OrderedMaps.copyOf(seconds);
      guestSeconds = OrderedMaps.copyOf(guestSeconds);
    }
  }
}
