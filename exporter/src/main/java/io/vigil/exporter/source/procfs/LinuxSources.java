package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.Loadavg;
import io.vigil.exporter.source.Meminfo;
import io.vigil.exporter.source.Mount;
import io.vigil.exporter.source.OsRelease;
import io.vigil.exporter.source.ProcStat;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.Uname;
import io.vigil.exporter.source.UnsupportedSourceException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** Wires the cross-platform sources to {@code /proc} and {@code /sys} readers on Linux. */
public final class LinuxSources {

  /** os-release(5): the first of these that exists, under the rootfs prefix. */
  static final List<String> OS_RELEASE_FILES = List.of("/etc/os-release", "/usr/lib/os-release");

  private LinuxSources() {}

  public static HostSources create(ProcFs proc, SysFs sys, HostPaths paths) {
    return create(proc, sys, paths, memoize(UnameSyscall::machine));
  }

  /**
   * Binds the native calls the Linux sources make ({@code statvfs}, rtnetlink, {@code uname}, {@code adjtimex}) ahead
   * of the first collection; meant for a background thread at start-up, where it overlaps configuration and collector
   * set-up.
   */
  public static void preloadNativeBindings() {
    Statvfs.preload();
    RtnetlinkSocket.preload();
    UnameSyscall.preload();
    AdjtimexSyscall.preload();
  }

  /**
   * As {@link #create(ProcFs, SysFs, HostPaths)}, with the {@code uname(2)} machine field supplied (tests pass a
   * constant so fixture runs do not depend on the build host).
   */
  public static HostSources create(ProcFs proc, SysFs sys, HostPaths paths, Supplier<String> machine) {
    return new HostSources(
        "linux",
        () -> ProcStat.parse(proc.path("stat"), proc.read("stat"), ProcStat.LINUX_USER_HZ),
        () -> Meminfo.parse(proc.path("meminfo"), proc.read("meminfo")),
        () -> Loadavg.parse(proc.path("loadavg"), proc.read("loadavg")),
        new LinuxFilesystemSource(proc, paths),
        new LinuxDiskSource(proc, paths.udevData()),
        new NetDevReader(proc, sys),
        NetClassReader.forHost(sys),
        () -> uname(proc, machine.get()),
        () -> osRelease(paths));
  }

  /**
   * The {@code uname(2)} fields from {@code /proc/sys/kernel} (same values as the syscall for this UTS namespace),
   * except the machine, which only the syscall gives on every kernel.
   */
  static Uname uname(ProcFs proc, String machine) throws IOException {
    return new Uname(
        kernelValue(proc, "ostype"),
        kernelValue(proc, "hostname"),
        kernelValue(proc, "osrelease"),
        kernelValue(proc, "version"),
        machine,
        kernelValue(proc, "domainname"));
  }

  /** One line of text, trailing newline removed; "(none)" stays as the kernel reports an unset domain name. */
  private static String kernelValue(ProcFs proc, String name) throws IOException {
    String text = proc.read("sys", "kernel", name);
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  static OsRelease osRelease(HostPaths paths) throws IOException {
    for (String file : OS_RELEASE_FILES) {
      Path path = paths.rootfsPath(file);
      try {
        return OsRelease.parse(path, ProcFs.readText(path));
      } catch (NoSuchFileException ignored) {
        // try the next location, as os-release(5) says
      }
    }
    throw new NoSuchFileException(
        paths.rootfsPath(OS_RELEASE_FILES.get(0)).toString(),
        null,
        "no os-release file found (also tried " + paths.rootfsPath(OS_RELEASE_FILES.get(1)) + ")");
  }

  /** Computes an identity fact once, on first use (not at start-up: uname may be disabled). */
  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private volatile T value;

      @Override
      public T get() {
        T v = value;
        if (v == null) {
          v = supplier.get();
          value = v; // racing first calls compute the same value; last write wins harmlessly
        }
        return v;
      }
    };
  }
}
