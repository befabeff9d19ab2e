package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.Loadavg;
import io.vigil.exporter.source.SourceReader;

/** Wires the cross-platform sources to {@code /proc} and {@code /sys} readers on Linux. */
public final class LinuxSources {

  private LinuxSources() {}

  public static HostSources create(ProcFs proc, SysFs sys, HostPaths paths) {
    return new HostSources(
        "linux",
        SourceReader.unsupported("/proc/stat"),
        SourceReader.unsupported("/proc/meminfo"),
        () -> Loadavg.parse(proc.path("loadavg"), proc.read("loadavg")),
        new LinuxFilesystemSource(proc, paths),
        new LinuxDiskSource(proc, paths.udevData()),
        SourceReader.unsupported("/proc/net/dev"),
        SourceReader.unsupported("/sys/class/net"),
        SourceReader.unsupported("uname"),
        SourceReader.unsupported("/etc/os-release"));
  }
}
