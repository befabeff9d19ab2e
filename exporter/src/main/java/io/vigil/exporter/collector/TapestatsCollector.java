package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.source.procfs.ScsiTape;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.Uint64;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * node_exporter's {@code tapestats} collector (Linux only): I/O statistics of SCSI tape drives from
 * {@code /sys/class/scsi_tape/st<N>/stats/}.
 *
 * <pre>
 * node_tape_written_bytes_total{device="st0"} 4.123344123904e+12
 * node_tape_io_now{device="st0"} 1
 * </pre>
 *
 * <p>A counter file the kernel does not provide is not reported (node_exporter reports 0). Without
 * {@code /sys/class/scsi_tape} (no st driver) the collector fails ("no data"), as node_exporter's does.
 *
 * <p>Thread safety: immutable.
 */
public final class TapestatsCollector implements Collector {

  public static final String NAME = "tapestats";

  private static final double NANOSECONDS = 1e-9;

  private final SysFs sys;
  private final DeviceFilter devices;

  /**
   * @param devices node_exporter's {@code --collector.tapestats.ignored-devices} (default {@code ^$}: none), as a
   *     filter
   */
  public TapestatsCollector(SysFs sys, DeviceFilter devices) {
    this.sys = sys;
    this.devices = devices;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Path dir = ScsiTape.classDirectory(sys);
    if (!Files.isDirectory(dir)) {
      throw new NoDataException(dir + ": no SCSI tape drives (the st driver is not loaded)");
    }
    LabelledFamilies out = new LabelledFamilies();
    for (ScsiTape t : ScsiTape.readAll(sys)) {
      if (!devices.keeps(t.name())) {
        continue;
      }
      String d = t.name();
      gauge(out, "node_tape_io_now", "The number of I/Os currently outstanding to this device.", t.inFlight(), 1, d);
      counter(out, "node_tape_io_time_seconds_total",
          "The amount of time spent waiting for all I/O to complete (including read and write). This includes tape"
              + " movement commands such as seeking between file or set marks and implicit tape movement such as when"
              + " rewind on close tape devices are used.",
          t.ioNanoseconds(), NANOSECONDS, d);
      counter(out, "node_tape_io_others_total",
          "The number of I/Os issued to the tape drive other than read or write commands. The time taken to complete"
              + " these commands uses the following calculation"
              + " io_time_seconds_total-read_time_seconds_total-write_time_seconds_total",
          t.otherCount(), 1, d);
      counter(out, "node_tape_read_bytes_total", "The number of bytes read from the tape drive.", t.readBytes(), 1, d);
      counter(out, "node_tape_reads_completed_total", "The number of read requests issued to the tape drive.",
          t.readCount(), 1, d);
      counter(out, "node_tape_read_time_seconds_total",
          "The amount of time spent waiting for read requests to complete.", t.readNanoseconds(), NANOSECONDS, d);
      counter(out, "node_tape_residual_total",
          "The number of times during a read or write we found the residual amount to be non-zero. This should mean"
              + " that a program is issuing a read larger thean the block size on tape. For write not all data made it"
              + " to tape.",
          t.residualCount(), 1, d);
      counter(out, "node_tape_written_bytes_total", "The number of bytes written to the tape drive.",
          t.writtenBytes(), 1, d);
      counter(out, "node_tape_writes_completed_total", "The number of write requests issued to the tape drive.",
          t.writeCount(), 1, d);
      counter(out, "node_tape_write_time_seconds_total",
          "The amount of time spent waiting for write requests to complete.", t.writeNanoseconds(), NANOSECONDS, d);
    }
    return out.snapshots();
  }

  private static void gauge(
      LabelledFamilies out, String name, String help, Optional<Long> v, double scale, String device) {
    v.ifPresent(x -> out.gauge(name, help, Uint64.toDouble(x) * scale, "device", device));
  }

  private static void counter(
      LabelledFamilies out, String name, String help, Optional<Long> v, double scale, String device) {
    v.ifPresent(x -> out.counter(name, help, Uint64.toDouble(x) * scale, "device", device));
  }
}
