package io.vigil.exporter.source.oshi;

import io.vigil.exporter.source.Loadavg;
import io.vigil.exporter.source.ProcStat;
import io.vigil.exporter.source.UnsupportedSourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import oshi.hardware.CentralProcessor;
import oshi.hardware.CentralProcessor.TickType;
import oshi.software.os.OperatingSystem;

/**
 * CPU times, kernel counters and load averages from OSHI's {@link CentralProcessor}.
 *
 * <p>Freshness: OSHI memoizes per-CPU ticks, context switches and interrupts for 300 ms
 * ({@code oshi.util.memoizer.expiration}); two scrapes are never that close, so each read is current. Nothing is
 * cached here.
 *
 * <p>Thread safety: OSHI's processor is thread-safe and this class holds no mutable state.
 */
final class OshiCpu {

  private final CentralProcessor processor;
  private final OperatingSystem os;
  private final OshiPlatform platform;
  private final OptionalDouble secondsPerTick;

  /**
   * @param secondsPerTick the length of one OSHI tick: 0.001 where OSHI converts to milliseconds (Linux, Windows),
   *     0.01 on macOS (raw Mach ticks at 100 Hz), 1/stathz on the BSDs (raw {@code kern.cp_time} ticks); empty where
   *     the unit is unknown, and then {@link #stat()} is unsupported
   */
  OshiCpu(CentralProcessor processor, OperatingSystem os, OshiPlatform platform, OptionalDouble secondsPerTick) {
    this.processor = processor;
    this.os = os;
    this.platform = platform;
    this.secondsPerTick = secondsPerTick;
  }

  /** The tick length of a platform, see the constructor; the BSD clock rate comes from {@code kern.clockrate}. */
  static OptionalDouble secondsPerTick(OshiPlatform platform) {
    return switch (platform.platform()) {
      case LINUX, WINDOWS -> OptionalDouble.of(0.001);
      case MACOS -> OptionalDouble.of(0.01);
      case FREEBSD, OPENBSD, NETBSD -> {
        var hz = KernelSysctl.statHz(platform.platform());
        yield hz.isPresent() ? OptionalDouble.of(1.0 / hz.getAsInt()) : OptionalDouble.empty();
      }
      default -> OptionalDouble.empty(); // DragonFly reports kern.cputime in its own unit; Solaris/AIX untested
    };
  }

  ProcStat stat() throws IOException {
    if (secondsPerTick.isEmpty()) {
      throw new UnsupportedSourceException(
          "CPU tick unit unknown on " + platform.platform().getName() + ": cpu times are not reported");
    }
    List<ProcStat.CpuTimes> cpus =
        cpuTimes(processor.getProcessorCpuLoadTicks(), platform.cpuModes(), secondsPerTick.getAsDouble());
    long boot = os.getSystemBootTime();
    return new ProcStat(
        cpus,
        boot > 0 ? OptionalDouble.of(boot) : OptionalDouble.empty(),
        counter(processor.getContextSwitches()),
        counter(processor.getInterrupts()),
        OptionalLong.empty(), // forks: OSHI has no fork counter
        OptionalLong.empty(), // procs_running: no run-queue count either
        OptionalLong.empty());
  }

  private OptionalLong counter(long value) {
    // OSHI returns 0 where the platform lacks the counter (macOS) or the query failed; a running kernel never has 0.
    return platform.contextSwitchesAndInterrupts() && value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
  }

  /**
   * Per-CPU seconds by mode from OSHI's tick array ({@code [cpu][TickType]}), keeping only the modes the platform
   * fills.
   *
   * @throws IOException when every tick is 0: OSHI's sign that the query failed (seen with broken Windows perfmon
   *     counters), which must not be reported as a machine that never ran
   */
  static List<ProcStat.CpuTimes> cpuTimes(long[][] ticks, List<TickType> modes, double secondsPerTick)
      throws IOException {
    List<ProcStat.CpuTimes> cpus = new ArrayList<>(ticks.length);
    boolean anyTicks = false;
    for (int cpu = 0; cpu < ticks.length; cpu++) {
      Map<String, Double> seconds = new LinkedHashMap<>();
      for (TickType mode : modes) {
        long t = ticks[cpu][mode.getIndex()];
        anyTicks |= t != 0;
        seconds.put(OshiPlatform.modeName(mode), t * secondsPerTick);
      }
      cpus.add(new ProcStat.CpuTimes(Integer.toString(cpu), seconds, Map.of()));
    }
    if (!anyTicks) {
      throw new IOException("OSHI returned no CPU ticks (all " + ticks.length + " CPUs read 0)");
    }
    return cpus;
  }

  Loadavg loadavg() throws IOException {
    return loadavg(processor.getSystemLoadAverage(3));
  }

  /** OSHI's 1, 5 and 15 minute averages; negative values mean "not available" (Windows). */
  static Loadavg loadavg(double[] averages) throws IOException {
    if (averages.length < 3 || averages[0] < 0 || averages[1] < 0 || averages[2] < 0) {
      throw new UnsupportedSourceException("load average is not available on this platform");
    }
    return new Loadavg(averages[0], averages[1], averages[2]);
  }
}
