package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.FileNr;
import io.vigil.exporter.source.procfs.ProcFs;
import java.util.List;

/**
 * node_exporter's {@code filefd} collector (Linux only): file handle usage from {@code /proc/sys/fs/file-nr}.
 *
 * <pre>
 * node_filefd_allocated 529
 * node_filefd_maximum 2.46617e+06
 * </pre>
 *
 * <p>Thread safety: stateless.
 */
public final class FilefdCollector implements Collector {

  public static final String NAME = "filefd";

  private final ProcFs proc;

  public FilefdCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    FileNr fileNr = FileNr.read(proc);
    return List.of(
        Families.gauge("node_filefd_allocated", "File descriptor statistics: allocated.", fileNr.allocated()),
        Families.gauge("node_filefd_maximum", "File descriptor statistics: maximum.", fileNr.maximum()));
  }
}
