package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.source.DiskInfo;
import io.vigil.exporter.source.DiskSource;
import io.vigil.exporter.source.DiskStats;
import io.vigil.exporter.source.DiskStats.Counter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * node_exporter's {@code diskstats} collector: the counters of iostats.rst per block device, and
 * {@code node_disk_info} with udev's identity labels.
 *
 * <pre>
 * # TYPE node_disk_read_bytes_total counter
 * node_disk_read_bytes_total{device="nvme0n1"} 1.233744896e+09
 * # TYPE node_disk_info gauge
 * node_disk_info{device="nvme0n1",major="259",minor="0",model="Samsung SSD 980 PRO 1TB",...} 1
 * </pre>
 *
 * <p>A counter the kernel does not report (discards before 4.18, flushes before 5.5) has no family. Devices the
 * filter drops (by default partitions, ram, loop and floppy devices) are not reported.
 *
 * <p>Thread safety: immutable.
 */
public final class DiskstatsCollector implements Collector {

  public static final String NAME = "diskstats";

  static final String INFO = "node_disk_info";

  /** Family of each counter: name (counters without {@code _total}), help, and whether it is a counter. */
  private record Family(String name, String help, boolean counter) {}

  private static final Map<Counter, Family> FAMILIES = families();

  private final DiskSource source;
  private final DeviceFilter devices;

  public DiskstatsCollector(DiskSource source, DeviceFilter devices) {
    this.source = source;
    this.devices = devices;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Map<Counter, List<CounterDataPointSnapshot>> counters = new EnumMap<>(Counter.class);
    Map<Counter, List<GaugeDataPointSnapshot>> gauges = new EnumMap<>(Counter.class);
    GaugeSnapshot.Builder info = GaugeSnapshot.builder().name(INFO).help("Info of /sys/block/<block_device>.");
    boolean any = false;
    for (DiskStats disk : source.diskstats()) {
      if (!devices.keeps(disk.device())) {
        continue;
      }
      any = true;
      info.dataPoint(GaugeDataPointSnapshot.builder().labels(infoLabels(source.info(disk))).value(1).build());
      Labels labels = Labels.of("device", disk.device());
      for (Map.Entry<Counter, Family> e : FAMILIES.entrySet()) {
        OptionalDouble value = disk.value(e.getKey());
        if (value.isEmpty()) {
          continue;
        }
        if (e.getValue().counter()) {
          counters
              .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
              .add(CounterDataPointSnapshot.builder().labels(labels).value(value.getAsDouble()).build());
        } else {
          gauges
              .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
              .add(GaugeDataPointSnapshot.builder().labels(labels).value(value.getAsDouble()).build());
        }
      }
    }
    List<MetricSnapshot> families = new ArrayList<>(FAMILIES.size() + 1);
    if (any) {
      families.add(info.build());
    }
    counters.forEach(
        (counter, points) -> {
          Family f = FAMILIES.get(counter);
          CounterSnapshot.Builder b = CounterSnapshot.builder().name(f.name()).help(f.help());
          points.forEach(b::dataPoint);
          families.add(b.build());
        });
    gauges.forEach(
        (counter, points) -> {
          Family f = FAMILIES.get(counter);
          GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(f.name()).help(f.help());
          points.forEach(b::dataPoint);
          families.add(b.build());
        });
    return families;
  }

  private static Labels infoLabels(DiskInfo d) {
    return Labels.of(
        "device", d.device(),
        "major", Integer.toString(d.major()),
        "minor", Integer.toString(d.minor()),
        "model", d.model(),
        "path", d.path(),
        "revision", d.revision(),
        "serial", d.serial(),
        "wwn", d.wwn());
  }

  /** node_exporter 1.5's names and help texts (diskstats_linux.go and diskstats_common.go), typos included. */
  private static Map<Counter, Family> families() {
    Map<Counter, Family> m = new EnumMap<>(Counter.class);
    m.put(Counter.READS_COMPLETED,
        new Family("node_disk_reads_completed", "The total number of reads completed successfully.", true));
    m.put(Counter.READS_MERGED, new Family("node_disk_reads_merged", "The total number of reads merged.", true));
    m.put(Counter.READ_BYTES,
        new Family("node_disk_read_bytes", "The total number of bytes read successfully.", true));
    m.put(Counter.READ_TIME_SECONDS,
        new Family("node_disk_read_time_seconds", "The total number of seconds spent by all reads.", true));
    m.put(Counter.WRITES_COMPLETED,
        new Family("node_disk_writes_completed", "The total number of writes completed successfully.", true));
    m.put(Counter.WRITES_MERGED, new Family("node_disk_writes_merged", "The number of writes merged.", true));
    m.put(Counter.WRITTEN_BYTES,
        new Family("node_disk_written_bytes", "The total number of bytes written successfully.", true));
    m.put(Counter.WRITE_TIME_SECONDS,
        new Family("node_disk_write_time_seconds", "This is the total number of seconds spent by all writes.", true));
    m.put(Counter.IO_NOW, new Family("node_disk_io_now", "The number of I/Os currently in progress.", false));
    m.put(Counter.IO_TIME_SECONDS, new Family("node_disk_io_time_seconds", "Total seconds spent doing I/Os.", true));
    m.put(Counter.IO_TIME_WEIGHTED_SECONDS,
        new Family("node_disk_io_time_weighted_seconds", "The weighted # of seconds spent doing I/Os.", true));
    m.put(Counter.DISCARDS_COMPLETED,
        new Family("node_disk_discards_completed", "The total number of discards completed successfully.", true));
    m.put(Counter.DISCARDS_MERGED,
        new Family("node_disk_discards_merged", "The total number of discards merged.", true));
    m.put(Counter.DISCARDED_SECTORS,
        new Family("node_disk_discarded_sectors", "The total number of sectors discarded successfully.", true));
    m.put(Counter.DISCARD_TIME_SECONDS,
        new Family(
            "node_disk_discard_time_seconds", "This is the total number of seconds spent by all discards.", true));
    m.put(Counter.FLUSH_REQUESTS,
        new Family("node_disk_flush_requests", "The total number of flush requests completed successfully", true));
    m.put(Counter.FLUSH_REQUESTS_TIME_SECONDS,
        new Family(
            "node_disk_flush_requests_time_seconds",
            "This is the total number of seconds spent by all flush requests.",
            true));
    if (m.size() != Counter.values().length) {
      throw new IllegalStateException("every diskstats counter needs a family");
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
