package io.vigil.exporter.source.oshi;

import io.vigil.exporter.source.OsRelease;
import io.vigil.exporter.source.Uname;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import oshi.software.os.NetworkParams;
import oshi.software.os.OperatingSystem;
import oshi.software.os.OperatingSystem.OSVersionInfo;
import oshi.util.PlatformEnum;

/**
 * What the host is: {@code uname(3)} fields and os-release style identification.
 *
 * <p>uname: on macOS and the BSDs the kernel's own sysname, release, version and machine ({@link KernelSysctl}),
 * exactly what node_exporter reports there; elsewhere (Windows, or if those calls fail) they are built from OSHI's
 * OS family and version and the JVM's architecture. The node name is read on every call (hostnames change); like
 * node_exporter on BSD and macOS, a dotted hostname is split into node name and domain name, and the domain name is
 * {@code (none)} when there is no dot.
 *
 * <p>os-release: NAME is OSHI's family ({@code macOS}, {@code Windows}, {@code FreeBSD}), VERSION_ID the leading
 * numeric part of OSHI's version ({@code 14.1}, {@code 11}, {@code 14.0} of {@code 14.0-RELEASE}), VERSION the
 * version with the code name in parentheses, PRETTY_NAME both, and, where OSHI has them, VERSION_CODENAME (macOS,
 * Linux), VARIANT (the Windows edition) and BUILD_ID (the OS build).
 *
 * <p>Thread safety: immutable apart from OSHI's thread-safe objects.
 */
final class OshiIdentity {

  private final OperatingSystem os;
  private final KernelSysctl.KernelNames kernel;
  private final OsRelease osRelease;

  OshiIdentity(OperatingSystem os, OshiPlatform platform) {
    this.os = os;
    this.kernel = KernelSysctl.kernelNames(platform.platform())
        .orElseGet(() -> fallbackKernelNames(platform.platform(), os.getFamily(), os.getVersionInfo(),
            System.getProperty("os.version", ""), System.getProperty("os.arch", "")));
    this.osRelease = osRelease(platform.platform(), os.getFamily(), os.getVersionInfo());
  }

  Uname uname() {
    NetworkParams params = os.getNetworkParams();
    String[] node = splitHostname(params.getHostName());
    return new Uname(kernel.sysname(), node[0], kernel.release(), kernel.version(), kernel.machine(), node[1]);
  }

  OsRelease osRelease() {
    return osRelease;
  }

  /** node_exporter's uname_bsd.go rule: {@code db1.example.org} is node {@code db1}, domain {@code example.org}. */
  static String[] splitHostname(String hostname) {
    String host = hostname == null ? "" : hostname.strip();
    int dot = host.indexOf('.');
    return dot < 0 ? new String[] {host, "(none)"} : new String[] {host.substring(0, dot), host.substring(dot + 1)};
  }

  static KernelSysctl.KernelNames fallbackKernelNames(
      PlatformEnum platform, String family, OSVersionInfo version, String javaOsVersion, String javaArch) {
    String sysname =
        switch (platform) {
          case LINUX, ANDROID -> "Linux";
          case MACOS -> "Darwin";
          case WINDOWS, WINDOWSCE -> "Windows";
          case FREEBSD -> "FreeBSD";
          case OPENBSD -> "OpenBSD";
          case NETBSD -> "NetBSD";
          case DRAGONFLYBSD -> "DragonFly";
          default -> family;
        };
    // OSHI's build number is the kernel release on Linux (uname -r); on Windows the OS build (22631).
    String release = platform == PlatformEnum.LINUX ? version.getBuildNumber() : javaOsVersion;
    return new KernelSysctl.KernelNames(sysname, release, version.toString(), machine(platform, javaArch));
  }

  /** {@code uname -m} spelling of the JVM's {@code os.arch}. */
  static String machine(PlatformEnum platform, String javaArch) {
    boolean bsd = platform == PlatformEnum.FREEBSD || platform == PlatformEnum.OPENBSD
        || platform == PlatformEnum.NETBSD || platform == PlatformEnum.DRAGONFLYBSD;
    return switch (javaArch) {
      case "amd64", "x86_64" -> bsd ? "amd64" : "x86_64";
      case "aarch64", "arm64" -> platform == PlatformEnum.MACOS || bsd ? "arm64" : "aarch64";
      case "x86", "i386", "i486", "i586", "i686" -> bsd ? "i386" : "i686";
      default -> javaArch;
    };
  }

  static OsRelease osRelease(PlatformEnum platform, String family, OSVersionInfo info) {
    String version = clean(info.getVersion());
    String codeName = clean(info.getCodeName());
    String build = clean(info.getBuildNumber());
    boolean windows = platform == PlatformEnum.WINDOWS || platform == PlatformEnum.WINDOWSCE;

    Map<String, String> f = new LinkedHashMap<>();
    String name = clean(family);
    String fullVersion = version + (codeName.isEmpty() || windows ? "" : " (" + codeName + ")");
    f.put("NAME", name);
    f.put("VERSION", fullVersion);
    f.put("ID", id(platform));
    f.put("VERSION_ID", versionId(version));
    f.put("PRETTY_NAME", (name + " " + fullVersion).strip());
    if (!codeName.isEmpty() && windows) {
      f.put("VARIANT", codeName); // OSHI's Windows "code name" is the edition: Pro, Enterprise, Datacenter
    } else if (!codeName.isEmpty()) {
      f.put("VERSION_CODENAME", codeName.split(" ")[0].toLowerCase(Locale.ROOT)); // Sonoma -> sonoma
    }
    if (!build.isEmpty() && platform != PlatformEnum.LINUX) { // on Linux OSHI's build number is the kernel release
      f.put("BUILD_ID", build);
    }
    f.values().removeIf(String::isEmpty);
    return new OsRelease(f);
  }

  /** os-release's lower-case ID; {@code linux} is the spec's default when a distribution says nothing. */
  static String id(PlatformEnum platform) {
    return switch (platform) {
      case MACOS -> "macos";
      case WINDOWS, WINDOWSCE -> "windows";
      case FREEBSD -> "freebsd";
      case OPENBSD -> "openbsd";
      case NETBSD -> "netbsd";
      case DRAGONFLYBSD -> "dragonfly";
      default -> "linux";
    };
  }

  /** The leading dotted number of a version ({@code 14.0} of {@code 14.0-RELEASE-p3}), else the version itself. */
  static String versionId(String version) {
    int end = 0;
    while (end < version.length() && (Character.isDigit(version.charAt(end)) || version.charAt(end) == '.')) {
      end++;
    }
    String numeric = version.substring(0, end);
    while (numeric.endsWith(".")) {
      numeric = numeric.substring(0, numeric.length() - 1);
    }
    return numeric.isEmpty() ? version : numeric;
  }

  private static String clean(String value) {
    return Optional.ofNullable(value).map(String::strip).filter(v -> !v.equalsIgnoreCase("unknown")).orElse("");
  }
}
