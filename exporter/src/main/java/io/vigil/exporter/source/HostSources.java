package io.vigil.exporter.source;

import java.util.List;
import java.util.Objects;

/**
 * The cross-platform data collectors may ask for. On Linux every reader reads {@code /proc} and {@code /sys}
 * directly; elsewhere the OSHI source fills the same records.
 *
 * <p>Thread safety: implementations are stateless readers, safe for concurrent use.
 */
public record HostSources(
    String platform,
    SourceReader<ProcStat> stat,
    SourceReader<Meminfo> meminfo,
    SourceReader<Loadavg> loadavg,
    FilesystemSource filesystem,
    DiskSource disks,
    SourceReader<List<NetDevStats>> netdev,
    SourceReader<List<NetClassDevice>> netclass,
    SourceReader<Uname> uname,
    SourceReader<OsRelease> osRelease) {

  public HostSources {
    Objects.requireNonNull(platform);
    Objects.requireNonNull(stat);
    Objects.requireNonNull(meminfo);
    Objects.requireNonNull(loadavg);
    Objects.requireNonNull(filesystem);
    Objects.requireNonNull(disks);
    Objects.requireNonNull(netdev);
    Objects.requireNonNull(netclass);
    Objects.requireNonNull(uname);
    Objects.requireNonNull(osRelease);
  }
}
