package io.vigil.exporter.collector;

import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.config.ServicesConfig;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.UnsupportedSourceException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import java.util.Optional;

/**
 * What a collector factory may use: the cross-platform sources, the Linux roots for Linux-only collectors, and the
 * collector options.
 *
 * @param sources cross-platform records (procfs-backed on Linux, OSHI-backed elsewhere)
 * @param procFs {@code /proc} on Linux, empty elsewhere
 * @param sysFs {@code /sys} on Linux, empty elsewhere
 * @param paths the configured roots
 * @param options collector options from the config
 * @param services textfile directories, process groups, probes and commands from the config
 */
public record CollectorContext(
    HostSources sources,
    Optional<ProcFs> procFs,
    Optional<SysFs> sysFs,
    HostPaths paths,
    CollectorOptions options,
    ServicesConfig services) {

  /** A context without services configuration. */
  public CollectorContext(
      HostSources sources, Optional<ProcFs> procFs, Optional<SysFs> sysFs, HostPaths paths, CollectorOptions options) {
    this(sources, procFs, sysFs, paths, options, ServicesConfig.DEFAULT);
  }

  /** The procfs root, or a clear "not on this OS" failure for Linux-only collectors. */
  public ProcFs requireProcFs(String collector) throws UnsupportedSourceException {
    return procFs.orElseThrow(() -> linuxOnly(collector));
  }

  public SysFs requireSysFs(String collector) throws UnsupportedSourceException {
    return sysFs.orElseThrow(() -> linuxOnly(collector));
  }

  private static UnsupportedSourceException linuxOnly(String collector) {
    return new UnsupportedSourceException(
        "collector " + collector + " reads /proc or /sys and is not available on " + System.getProperty("os.name"));
  }
}
