package io.vigil.exporter.source.oshi;

import com.sun.jna.Memory;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;
import oshi.util.PlatformEnum;
import oshi.util.platform.mac.SysctlUtil;
import oshi.util.platform.unix.freebsd.BsdSysctlUtil;
import oshi.util.platform.unix.netbsd.NetBsdSysctlUtil;
import oshi.util.platform.unix.openbsd.OpenBsdSysctlUtil;

/**
 * The few kernel facts OSHI's public API lacks, read once at start-up through OSHI's own sysctl helpers on macOS and
 * the BSDs: what {@code uname(3)} returns there ({@code kern.ostype}, {@code kern.osrelease}, {@code kern.version},
 * {@code hw.machine}) and the statistics clock rate of {@code kern.cp_time} ticks ({@code kern.clockrate}). Every
 * lookup falls back to empty if the call fails; nothing here runs on Linux or Windows.
 *
 * <p>Thread safety: stateless.
 */
final class KernelSysctl {

  private static final Logger LOG = Logger.getLogger(KernelSysctl.class.getName());

  // 4.4BSD MIB numbers, the same on NetBSD and OpenBSD (which have no sysctlbyname).
  private static final int CTL_KERN = 1;
  private static final int CTL_HW = 6;
  private static final int[] KERN_OSTYPE = {CTL_KERN, 1};
  private static final int[] KERN_OSRELEASE = {CTL_KERN, 2};
  private static final int[] KERN_VERSION = {CTL_KERN, 4};
  private static final int[] KERN_CLOCKRATE = {CTL_KERN, 12};
  private static final int[] HW_MACHINE = {CTL_HW, 1};

  private KernelSysctl() {}

  /** {@code uname(3)}'s sysname, release, version and machine, as the kernel reports them. */
  record KernelNames(String sysname, String release, String version, String machine) {}

  static Optional<KernelNames> kernelNames(PlatformEnum platform) {
    try {
      KernelNames names =
          switch (platform) {
            case MACOS -> new KernelNames(mac("kern.ostype"), mac("kern.osrelease"), mac("kern.version"),
                mac("hw.machine"));
            case FREEBSD, DRAGONFLYBSD -> new KernelNames(bsd("kern.ostype"), bsd("kern.osrelease"),
                bsd("kern.version"), bsd("hw.machine"));
            case NETBSD -> new KernelNames(netbsd(KERN_OSTYPE), netbsd(KERN_OSRELEASE), netbsd(KERN_VERSION),
                netbsd(HW_MACHINE));
            case OPENBSD -> new KernelNames(openbsd(KERN_OSTYPE), openbsd(KERN_OSRELEASE), openbsd(KERN_VERSION),
                openbsd(HW_MACHINE));
            default -> null;
          };
      if (names == null || names.sysname().isEmpty() || names.release().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new KernelNames(names.sysname(), names.release(), oneLine(names.version()),
          names.machine()));
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.FINE, "uname sysctls unavailable, using OSHI's OS version instead", e);
      return Optional.empty();
    }
  }

  /**
   * Ticks per second of {@code kern.cp_time(s)}: {@code stathz} of {@code struct clockinfo} (FreeBSD 127 or 128,
   * OpenBSD and NetBSD usually 100), which OSHI does not convert to milliseconds. The struct is {@code {hz, tick,
   * spare|tickadj, stathz, profhz}} (20 bytes) or, on OpenBSD since tickadj went away, {@code {hz, tick, stathz,
   * profhz}} (16 bytes); the size tells which.
   */
  static OptionalInt statHz(PlatformEnum platform) {
    try {
      Memory clockinfo =
          switch (platform) {
            case FREEBSD, DRAGONFLYBSD -> BsdSysctlUtil.sysctl("kern.clockrate");
            case NETBSD -> NetBsdSysctlUtil.sysctl(KERN_CLOCKRATE);
            case OPENBSD -> OpenBsdSysctlUtil.sysctl(KERN_CLOCKRATE);
            default -> null;
          };
      if (clockinfo == null) {
        return OptionalInt.empty();
      }
      try (clockinfo) {
        return statHz(clockinfo.size(), offset -> clockinfo.getInt(offset));
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.FINE, "kern.clockrate unavailable", e);
      return OptionalInt.empty();
    }
  }

  /** Reads stathz out of a {@code struct clockinfo} of {@code size} bytes; hz when stathz is 0 (no separate clock). */
  static OptionalInt statHz(long size, IntAt ints) {
    int hz = ints.at(0);
    int stathz;
    if (size == 20) {
      stathz = ints.at(12);
    } else if (size == 16) {
      stathz = ints.at(8);
    } else {
      return OptionalInt.empty();
    }
    int rate = stathz > 0 ? stathz : hz;
    return rate > 0 ? OptionalInt.of(rate) : OptionalInt.empty();
  }

  /** An int of a native struct, by byte offset. */
  @FunctionalInterface
  interface IntAt {
    int at(long offset);
  }

  /** {@code uname -v} prints kern.version with its newlines and tabs as spaces. */
  static String oneLine(String version) {
    return version.replaceAll("[\\s]+", " ").strip();
  }

  private static String mac(String name) {
    return SysctlUtil.sysctl(name, "", false).strip();
  }

  private static String bsd(String name) {
    return BsdSysctlUtil.sysctl(name, "").strip();
  }

  private static String netbsd(int[] mib) {
    return NetBsdSysctlUtil.sysctl(mib, "").strip();
  }

  private static String openbsd(int[] mib) {
    return OpenBsdSysctlUtil.sysctl(mib, "").strip();
  }
}
