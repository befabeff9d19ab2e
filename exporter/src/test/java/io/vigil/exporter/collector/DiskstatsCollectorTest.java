package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.source.DiskInfo;
import io.vigil.exporter.source.DiskSource;
import io.vigil.exporter.source.DiskStats;
import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.LinuxDiskSource;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskstatsCollectorTest {

  private static final DeviceFilter DEFAULT_DEVICES = CollectorOptions.DEFAULT.diskstatsDevices();

  @TempDir Path tmp;

  /** The disks of a per-case diskstats file, without a udev database. */
  private LinuxDiskSource caseSource(String kase) throws IOException {
    Path proc = Files.createDirectories(tmp.resolve("proc"));
    Files.copy(Fixtures.root().resolve("DiskStatsTest").resolve(kase).resolve("diskstats"), proc.resolve("diskstats"));
    return new LinuxDiskSource(new ProcFs(proc), tmp.resolve("run/udev/data"));
  }

  private static List<String> familyNames(List<MetricSnapshot> families) {
    return families.stream().map(f -> f.getMetadata().getPrometheusName()).sorted().toList();
  }

  @Test
  void reportsTheCanonicalHostsDisksLikeNodeExporter() throws Exception {
    DiskstatsCollector collector = new DiskstatsCollector(
        new LinuxDiskSource(Fixtures.procFs(), Fixtures.root().resolve("run/udev/data")), DEFAULT_DEVICES);

    // loop devices and the nvme0n1p1, nvme0n1p2, sda1 and sdb1 partitions are left out by the default filter; md0 and
    // dm-0 have no model or serial in udev, so their info labels are empty strings.
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_disk_discard_time_seconds_total This is the total number of seconds spent by all discards.
            # TYPE node_disk_discard_time_seconds_total counter
            node_disk_discard_time_seconds_total{device="dm-0"} 0.0
            node_disk_discard_time_seconds_total{device="md0"} 0.0
            node_disk_discard_time_seconds_total{device="nvme0n1"} 3.412
            node_disk_discard_time_seconds_total{device="sda"} 0.0
            node_disk_discard_time_seconds_total{device="sdb"} 0.0
            # HELP node_disk_discarded_sectors_total The total number of sectors discarded successfully.
            # TYPE node_disk_discarded_sectors_total counter
            node_disk_discarded_sectors_total{device="dm-0"} 0.0
            node_disk_discarded_sectors_total{device="md0"} 0.0
            node_disk_discarded_sectors_total{device="nvme0n1"} 3.10845224E8
            node_disk_discarded_sectors_total{device="sda"} 0.0
            node_disk_discarded_sectors_total{device="sdb"} 0.0
            # HELP node_disk_discards_completed_total The total number of discards completed successfully.
            # TYPE node_disk_discards_completed_total counter
            node_disk_discards_completed_total{device="dm-0"} 0.0
            node_disk_discards_completed_total{device="md0"} 0.0
            node_disk_discards_completed_total{device="nvme0n1"} 12845.0
            node_disk_discards_completed_total{device="sda"} 0.0
            node_disk_discards_completed_total{device="sdb"} 0.0
            # HELP node_disk_discards_merged_total The total number of discards merged.
            # TYPE node_disk_discards_merged_total counter
            node_disk_discards_merged_total{device="dm-0"} 0.0
            node_disk_discards_merged_total{device="md0"} 0.0
            node_disk_discards_merged_total{device="nvme0n1"} 0.0
            node_disk_discards_merged_total{device="sda"} 0.0
            node_disk_discards_merged_total{device="sdb"} 0.0
            # HELP node_disk_flush_requests_total The total number of flush requests completed successfully
            # TYPE node_disk_flush_requests_total counter
            node_disk_flush_requests_total{device="dm-0"} 0.0
            node_disk_flush_requests_total{device="md0"} 0.0
            node_disk_flush_requests_total{device="nvme0n1"} 215643.0
            node_disk_flush_requests_total{device="sda"} 41235.0
            node_disk_flush_requests_total{device="sdb"} 41235.0
            # HELP node_disk_flush_requests_time_seconds_total This is the total number of seconds spent by all flush requests.
            # TYPE node_disk_flush_requests_time_seconds_total counter
            node_disk_flush_requests_time_seconds_total{device="dm-0"} 0.0
            node_disk_flush_requests_time_seconds_total{device="md0"} 0.0
            node_disk_flush_requests_time_seconds_total{device="nvme0n1"} 64.215
            node_disk_flush_requests_time_seconds_total{device="sda"} 51.724000000000004
            node_disk_flush_requests_time_seconds_total{device="sdb"} 51.172000000000004
            # HELP node_disk_info Info of /sys/block/<block_device>.
            # TYPE node_disk_info gauge
            node_disk_info{device="dm-0",major="253",minor="0",model="",path="",revision="",serial="",wwn=""} 1.0
            node_disk_info{device="md0",major="9",minor="0",model="",path="",revision="",serial="",wwn=""} 1.0
            node_disk_info{device="nvme0n1",major="259",minor="0",model="Samsung SSD 980 PRO 1TB",path="pci-0000:03:00.0-nvme-1",revision="5B2QGXA7",serial="S5GXNX0T412345K",wwn="eui.002538b221a1b2c3"} 1.0
            node_disk_info{device="sda",major="8",minor="0",model="WDC_WD40EFRX-68N32N0",path="pci-0000:00:17.0-ata-1.0",revision="82.00A82",serial="WD-WCC7K4XY1234",wwn="0x50014ee2b9c1d2e3"} 1.0
            node_disk_info{device="sdb",major="8",minor="16",model="WDC_WD40EFRX-68N32N0",path="pci-0000:00:17.0-ata-2.0",revision="82.00A82",serial="WD-WCC7K6ZL5678",wwn="0x50014ee20f3a4b5c"} 1.0
            # HELP node_disk_io_now The number of I/Os currently in progress.
            # TYPE node_disk_io_now gauge
            node_disk_io_now{device="dm-0"} 2.0
            node_disk_io_now{device="md0"} 2.0
            node_disk_io_now{device="nvme0n1"} 0.0
            node_disk_io_now{device="sda"} 0.0
            node_disk_io_now{device="sdb"} 0.0
            # HELP node_disk_io_time_seconds_total Total seconds spent doing I/Os.
            # TYPE node_disk_io_time_seconds_total counter
            node_disk_io_time_seconds_total{device="dm-0"} 901.234
            node_disk_io_time_seconds_total{device="md0"} 898.417
            node_disk_io_time_seconds_total{device="nvme0n1"} 1184.56
            node_disk_io_time_seconds_total{device="sda"} 896.345
            node_disk_io_time_seconds_total{device="sdb"} 873.393
            # HELP node_disk_io_time_weighted_seconds_total The weighted # of seconds spent doing I/Os.
            # TYPE node_disk_io_time_weighted_seconds_total counter
            node_disk_io_time_weighted_seconds_total{device="dm-0"} 4621.6900000000005
            node_disk_io_time_weighted_seconds_total{device="md0"} 4595.5830000000005
            node_disk_io_time_weighted_seconds_total{device="nvme0n1"} 2511.732
            node_disk_io_time_weighted_seconds_total{device="sda"} 3341.535
            node_disk_io_time_weighted_seconds_total{device="sdb"} 2910.0660000000003
            # HELP node_disk_read_bytes_total The total number of bytes read successfully.
            # TYPE node_disk_read_bytes_total counter
            node_disk_read_bytes_total{device="dm-0"} 5.033230336E9
            node_disk_read_bytes_total{device="md0"} 5.033230336E9
            node_disk_read_bytes_total{device="nvme0n1"} 1.836759552E10
            node_disk_read_bytes_total{device="sda"} 5.030158336E9
            node_disk_read_bytes_total{device="sdb"} 7151616.0
            # HELP node_disk_read_time_seconds_total The total number of seconds spent by all reads.
            # TYPE node_disk_read_time_seconds_total counter
            node_disk_read_time_seconds_total{device="dm-0"} 498.23400000000004
            node_disk_read_time_seconds_total{device="md0"} 496.87100000000004
            node_disk_read_time_seconds_total{device="nvme0n1"} 98.23400000000001
            node_disk_read_time_seconds_total{device="sda"} 411.51300000000003
            node_disk_read_time_seconds_total{device="sdb"} 3.597
            # HELP node_disk_reads_completed_total The total number of reads completed successfully.
            # TYPE node_disk_reads_completed_total counter
            node_disk_reads_completed_total{device="dm-0"} 70055.0
            node_disk_reads_completed_total{device="md0"} 70055.0
            node_disk_reads_completed_total{device="nvme0n1"} 412345.0
            node_disk_reads_completed_total{device="sda"} 58110.0
            node_disk_reads_completed_total{device="sdb"} 584.0
            # HELP node_disk_reads_merged_total The total number of reads merged.
            # TYPE node_disk_reads_merged_total counter
            node_disk_reads_merged_total{device="dm-0"} 0.0
            node_disk_reads_merged_total{device="md0"} 0.0
            node_disk_reads_merged_total{device="nvme0n1"} 80123.0
            node_disk_reads_merged_total{device="sda"} 12043.0
            node_disk_reads_merged_total{device="sdb"} 0.0
            # HELP node_disk_write_time_seconds_total This is the total number of seconds spent by all writes.
            # TYPE node_disk_write_time_seconds_total counter
            node_disk_write_time_seconds_total{device="dm-0"} 4123.456
            node_disk_write_time_seconds_total{device="md0"} 4098.712
            node_disk_write_time_seconds_total{device="nvme0n1"} 2345.871
            node_disk_write_time_seconds_total{device="sda"} 2878.2980000000002
            node_disk_write_time_seconds_total{device="sdb"} 2855.297
            # HELP node_disk_writes_completed_total The total number of writes completed successfully.
            # TYPE node_disk_writes_completed_total counter
            node_disk_writes_completed_total{device="dm-0"} 282757.0
            node_disk_writes_completed_total{device="md0"} 282757.0
            node_disk_writes_completed_total{device="nvme0n1"} 1523498.0
            node_disk_writes_completed_total{device="sda"} 187399.0
            node_disk_writes_completed_total{device="sdb"} 187395.0
            # HELP node_disk_writes_merged_total The number of writes merged.
            # TYPE node_disk_writes_merged_total counter
            node_disk_writes_merged_total{device="dm-0"} 0.0
            node_disk_writes_merged_total{device="md0"} 0.0
            node_disk_writes_merged_total{device="nvme0n1"} 1032847.0
            node_disk_writes_merged_total{device="sda"} 98234.0
            node_disk_writes_merged_total{device="sdb"} 98238.0
            # HELP node_disk_written_bytes_total The total number of bytes written successfully.
            # TYPE node_disk_written_bytes_total counter
            node_disk_written_bytes_total{device="dm-0"} 1.5594962944E10
            node_disk_written_bytes_total{device="md0"} 1.5594962944E10
            node_disk_written_bytes_total{device="nvme0n1"} 5.0296102912E10
            node_disk_written_bytes_total{device="sda"} 1.560674304E10
            node_disk_written_bytes_total{device="sdb"} 1.560674304E10
            """);
  }

  @Test
  void anOldKernelWithoutDiscardAndFlushFieldsHasNoSuchFamilies() throws Exception {
    DiskstatsCollector collector = new DiskstatsCollector(caseSource("kernel-4.15-14-fields"), DEFAULT_DEVICES);

    assertThat(familyNames(collector.collect())).containsExactly(
        "node_disk_info",
        "node_disk_io_now",
        "node_disk_io_time_seconds",
        "node_disk_io_time_weighted_seconds",
        "node_disk_read_bytes",
        "node_disk_read_time_seconds",
        "node_disk_reads_completed",
        "node_disk_reads_merged",
        "node_disk_write_time_seconds",
        "node_disk_writes_completed",
        "node_disk_writes_merged",
        "node_disk_written_bytes");
  }

  @Test
  void theDefaultFilterDropsPartitionsRamAndLoopDevicesButNotZram() throws Exception {
    DiskstatsCollector collector = new DiskstatsCollector(caseSource("kernel-6.5-20-fields"), DEFAULT_DEVICES);

    assertThat(MetricsText.of(collector.collect()).lines().filter(l -> l.startsWith("node_disk_info{"))
        .map(l -> l.substring(l.indexOf('"') + 1, l.indexOf('"', l.indexOf('"') + 1))))
        .containsExactly("dm-0", "md127", "nvme0n1", "nvme1n1", "sda", "zram0");
  }

  @Test
  void appliesAConfiguredDeviceFilter() throws Exception {
    DeviceFilter onlyNvme =
        new DeviceFilter(Optional.of(Pattern.compile("^nvme")), Optional.of(Pattern.compile("p\\d+$")));
    DiskstatsCollector collector = new DiskstatsCollector(caseSource("kernel-6.5-20-fields"), onlyNvme);

    String out = MetricsText.of(collector.collect());

    assertThat(out.lines().filter(l -> l.startsWith("node_disk_flush_requests_total{")))
        .containsExactly(
            "node_disk_flush_requests_total{device=\"nvme0n1\"} 1234567.0",
            "node_disk_flush_requests_total{device=\"nvme1n1\"} 1232345.0");
  }

  @Test
  void aFilterThatDropsEveryDeviceGivesNoFamilies() throws Exception {
    DeviceFilter none = new DeviceFilter(Optional.of(Pattern.compile("^nothing$")), Optional.empty());

    assertThat(new DiskstatsCollector(caseSource("kernel-4.19-18-fields"), none).collect()).isEmpty();
  }

  @Test
  void anUnreadableDiskstatsFileFailsTheCollector() {
    DiskSource broken =
        new DiskSource() {
          @Override
          public List<DiskStats> diskstats() throws IOException {
            throw new MalformedFileException(Path.of("/proc/diskstats"), 1, "x", "expected at least 11 counters");
          }

          @Override
          public DiskInfo info(DiskStats disk) {
            throw new AssertionError("not reached");
          }
        };

    assertThatThrownBy(() -> new DiskstatsCollector(broken, DEFAULT_DEVICES).collect())
        .isInstanceOf(MalformedFileException.class);
  }

  @Test
  void reportsThisHostsDisks() throws Exception {
    DiskstatsCollector collector = new DiskstatsCollector(
        new LinuxDiskSource(new ProcFs(Path.of("/proc")), Path.of("/run/udev/data")), DeviceFilter.ALL);

    List<MetricSnapshot> families = collector.collect();

    assertThat(familyNames(families)).contains("node_disk_info", "node_disk_reads_completed", "node_disk_io_now");
    int devices = DiskStats.parse(Path.of("/proc/diskstats"), ProcFs.readText(Path.of("/proc/diskstats")), e -> {})
        .size();
    assertThat(families).filteredOn(f -> f.getMetadata().getPrometheusName().equals("node_disk_info"))
        .singleElement().satisfies(f -> assertThat(f.getDataPoints()).hasSize(devices));
  }
}
