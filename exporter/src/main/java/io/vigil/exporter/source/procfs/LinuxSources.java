package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.DiskInfo;
import io.vigil.exporter.source.DiskSource;
import io.vigil.exporter.source.DiskStats;
import io.vigil.exporter.source.FilesystemSource;
import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.Loadavg;
import io.vigil.exporter.source.Mount;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.UnsupportedSourceException;
import java.io.IOException;
import java.util.List;

/** Wires the cross-platform sources to {@code /proc} and {@code /sys} readers on Linux. */
public final class LinuxSources {

  private LinuxSources() {}

  public static HostSources create(ProcFs proc, SysFs sys, HostPaths paths) {
    return new HostSources(
        "linux",
        SourceReader.unsupported("/proc/stat"),
        SourceReader.unsupported("/proc/meminfo"),
        () -> Loadavg.parse(proc.path("loadavg"), proc.read("loadavg")),
        new FilesystemSource() {
          @Override
          public List<Mount> mounts() throws IOException {
            throw new UnsupportedSourceException("mounts");
          }

          @Override
          public FsUsage usage(Mount mount) throws IOException {
            throw new UnsupportedSourceException("statfs");
          }
        },
        new DiskSource() {
          @Override
          public List<DiskStats> diskstats() throws IOException {
            throw new UnsupportedSourceException("/proc/diskstats");
          }

          @Override
          public DiskInfo info(DiskStats disk) {
            return new DiskInfo(disk.device(), disk.major(), disk.minor(), "", "", "", "", "");
          }
        },
        new NetDevReader(proc, sys),
        new NetClassReader(sys),
        SourceReader.unsupported("uname"),
        SourceReader.unsupported("/etc/os-release"));
  }
}
