package io.vigil.exporter.source;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Kernel and CPU activity: {@code /proc/stat} on Linux (see proc(5)); CPU ticks and counters from OSHI elsewhere.
 *
 * @param cpus per-CPU times, in CPU order ({@code cpu="0"}, {@code "1"}, ...)
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

  public ProcStat {
    cpus = List.copyOf(cpus);
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
