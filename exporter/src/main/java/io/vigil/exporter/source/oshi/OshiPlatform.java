package io.vigil.exporter.source.oshi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import oshi.hardware.CentralProcessor.TickType;
import oshi.util.PlatformEnum;

/**
 * What OSHI 7.5.0 really measures on one platform, read from its sources: OSHI returns 0 for what a platform lacks,
 * and Vigil must not turn those zeros into samples (absent is never 0). One table, so per-OS differences are in one
 * place and testable on any build host.
 *
 * <p>Thread safety: immutable.
 *
 * @param platform the OSHI platform
 * @param cpuModes the CPU tick types the platform fills, in node_exporter's mode order
 * @param contextSwitchesAndInterrupts whether {@code getContextSwitches()} / {@code getInterrupts()} are real (macOS
 *     returns 0 for both)
 * @param diskTime what {@code HWDiskStore.getTransferTime()} measures
 * @param diskQueueLength whether {@code getCurrentQueueLength()} is filled (macOS leaves it 0)
 * @param collisionsAreTransmitDrops {@code NetworkIF.getCollisions()} returns discarded outbound packets on Windows
 *     (OSHI's Javadoc says so; Windows has no collision counter)
 */
public record OshiPlatform(
    PlatformEnum platform,
    List<TickType> cpuModes,
    boolean contextSwitchesAndInterrupts,
    DiskTime diskTime,
    boolean diskQueueLength,
    boolean collisionsAreTransmitDrops) {

  /** The meaning of OSHI's disk transfer time on a platform. */
  public enum DiskTime {
    /** Wall-clock time the device was busy (Linux io_ticks, OpenBSD/NetBSD busy time): node_disk_io_time_seconds_total. */
    BUSY,
    /**
     * Sum of the durations of all requests, which exceeds wall-clock time under parallel I/O: macOS adds IOKit's
     * read and write times, Windows reads "% Disk Time" (queue-length weighted), FreeBSD iostat's tsvc_t. That is
     * Linux's weighted I/O time, node_disk_io_time_weighted_seconds_total.
     */
    WEIGHTED
  }

  private static final List<TickType> BSD_MODES =
      List.of(TickType.USER, TickType.NICE, TickType.SYSTEM, TickType.IDLE, TickType.IRQ);
  private static final List<TickType> ALL_MODES =
      List.of(TickType.USER, TickType.NICE, TickType.SYSTEM, TickType.IDLE, TickType.IOWAIT, TickType.IRQ,
          TickType.SOFTIRQ, TickType.STEAL);

  public OshiPlatform {
    Objects.requireNonNull(platform);
    cpuModes = List.copyOf(cpuModes);
    Objects.requireNonNull(diskTime);
  }

  /** The table for one platform, from OSHI 7.5.0's implementations. */
  public static OshiPlatform of(PlatformEnum platform) {
    return switch (platform) {
      // host_processor_info: CPU_STATE_USER, SYSTEM, IDLE, NICE only; queryContextSwitches/Interrupts return 0.
      case MACOS -> new OshiPlatform(platform,
          List.of(TickType.USER, TickType.NICE, TickType.SYSTEM, TickType.IDLE), false, DiskTime.WEIGHTED, false,
          false);
      // Perfmon "% User/Privileged/Interrupt/DPC/Processor Time"; no nice, iowait or steal.
      case WINDOWS, WINDOWSCE -> new OshiPlatform(platform,
          List.of(TickType.USER, TickType.SYSTEM, TickType.IDLE, TickType.IRQ, TickType.SOFTIRQ), true,
          DiskTime.WEIGHTED, true, true);
      // kern.cp_time(s): CP_USER, CP_NICE, CP_SYS, CP_INTR, CP_IDLE. Disks: FreeBSD (and DragonFly, which uses
      // FreeBSD's disk code) parse `iostat -Ix`: qlen, and tsvc_t, the summed service time of all transactions.
      case FREEBSD, DRAGONFLYBSD -> new OshiPlatform(platform, BSD_MODES, true, DiskTime.WEIGHTED, true, false);
      // OpenBSD parses `systat -ab iostat` SEC (busy seconds), NetBSD `iostat -x -I` read + write busy time; neither
      // fills the queue length.
      case OPENBSD, NETBSD -> new OshiPlatform(platform, BSD_MODES, true, DiskTime.BUSY, false, false);
      // /proc/stat has all eight (OSHI on Linux only runs in Vigil's cross-check tests).
      default -> new OshiPlatform(platform, ALL_MODES, true, DiskTime.BUSY, true, false);
    };
  }

  /** node_exporter's name of a CPU mode: {@code user}, {@code nice}, ..., {@code steal}. */
  public static String modeName(TickType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  public boolean isBsd() {
    return platform == PlatformEnum.FREEBSD || platform == PlatformEnum.OPENBSD || platform == PlatformEnum.NETBSD
        || platform == PlatformEnum.DRAGONFLYBSD;
  }

  public boolean isWindows() {
    return platform == PlatformEnum.WINDOWS || platform == PlatformEnum.WINDOWSCE;
  }
}
