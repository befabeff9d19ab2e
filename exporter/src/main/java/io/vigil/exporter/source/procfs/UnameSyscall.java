package io.vigil.exporter.source.procfs;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Structure;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The machine field of {@code uname(2)}, which {@code /proc/sys/kernel} does not expose except as
 * {@code kernel/arch} on recent kernels. Called through JNA, which OSHI already brings; when that fails (no libc, a
 * restricted JNA) Java's {@code os.arch} is mapped to the kernel's spelling instead.
 *
 * <p>Thread safety: stateless.
 */
final class UnameSyscall {

  private static final Logger LOG = Logger.getLogger(UnameSyscall.class.getName());

  /** {@code _UTSNAME_LENGTH} of glibc and musl on Linux. */
  private static final int FIELD_LENGTH = 65;

  private UnameSyscall() {}

  /** {@code uname -m}: from the syscall, else mapped from {@code os.arch}. */
  static String machine() {
    return fromSyscall().orElseGet(() -> fromOsArch(System.getProperty("os.arch", "")));
  }

  /** Builds the JNA proxy for the call now (see {@link LinuxSources#preloadNativeBindings}). */
  static void preload() {
    try {
      Native.load("c", LibC.class);
    } catch (LinkageError | RuntimeException e) {
      // machine() falls back to os.arch when it runs
    }
  }

  static Optional<String> fromSyscall() {
    try {
      Utsname buf = new Utsname();
      if (Native.load("c", LibC.class).uname(buf) != 0) {
        return Optional.empty();
      }
      buf.read();
      String machine = Native.toString(buf.machine);
      return machine.isEmpty() ? Optional.empty() : Optional.of(machine);
    } catch (LinkageError | RuntimeException e) {
      LOG.log(Level.FINE, "uname(2) through JNA failed, mapping os.arch instead", e);
      return Optional.empty();
    }
  }

  /** Java's architecture names where they differ from the kernel's ({@code amd64} is {@code x86_64}). */
  static String fromOsArch(String osArch) {
    return switch (osArch.toLowerCase(Locale.ROOT)) {
      case "amd64", "x86_64" -> "x86_64";
      case "x86", "i386", "i486", "i586", "i686" -> "i686";
      default -> osArch;
    };
  }

  /** The libc entry point; JNA builds the proxy. */
  interface LibC extends Library {
    int uname(Utsname buf);
  }

  /** Linux's {@code struct utsname}: six NUL-terminated char arrays. Public for JNA's reflection. */
  @Structure.FieldOrder({"sysname", "nodename", "release", "version", "machine", "domainname"})
  public static final class Utsname extends Structure {
    public byte[] sysname = new byte[FIELD_LENGTH];
    public byte[] nodename = new byte[FIELD_LENGTH];
    public byte[] release = new byte[FIELD_LENGTH];
    public byte[] version = new byte[FIELD_LENGTH];
    public byte[] machine = new byte[FIELD_LENGTH];
    public byte[] domainname = new byte[FIELD_LENGTH];
  }
}
