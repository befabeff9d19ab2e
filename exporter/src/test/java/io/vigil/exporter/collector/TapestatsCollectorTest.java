package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TapestatsCollectorTest {

  private static final Path CASE = Fixtures.caseDir(TapestatsCollectorTest.class, "two-drives");

  @Test
  void reportsEachDriveOnceNotItsAliases() throws Exception {
    // st0 and st1 also appear as nst0, st0a, st0l, st0m, nst0a, ...: same counters, reported once
    String out = MetricsText.of(new TapestatsCollector(new SysFs(CASE.resolve("sys")), DeviceFilter.ALL).collect());
    assertThat(out).isEqualTo(Files.readString(CASE.resolve("expected.prom")));
    assertThat(out).doesNotContain("nst0")
        .contains("node_tape_io_time_seconds_total{device=\"st0\"} 18234.412334123\n");
  }

  @Test
  void leavesOutIgnoredDevices() throws Exception {
    TapestatsCollector collector =
        new TapestatsCollector(new SysFs(CASE.resolve("sys")), DeviceFilter.excluding("^st1$"));
    assertThat(MetricsText.of(collector.collect())).contains("device=\"st0\"").doesNotContain("device=\"st1\"");
  }

  @Test
  void failsOnACounterThatIsNotANumber(@TempDir Path sys) throws Exception {
    Path stats = Files.createDirectories(sys.resolve("class/scsi_tape/st0/stats"));
    Files.writeString(stats.resolve("read_cnt"), "12\n");
    Files.writeString(stats.resolve("write_cnt"), "many\n");
    assertThatThrownBy(new TapestatsCollector(new SysFs(sys), DeviceFilter.ALL)::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("write_cnt:1: expected an unsigned integer");
  }

  @Test
  void reportsOnlyTheCountersTheKernelProvides(@TempDir Path sys) throws Exception {
    Path stats = Files.createDirectories(sys.resolve("class/scsi_tape/st0/stats"));
    Files.writeString(stats.resolve("read_cnt"), "12\n");
    assertThat(MetricsText.of(new TapestatsCollector(new SysFs(sys), DeviceFilter.ALL).collect()))
        .isEqualTo(
            """
            # HELP node_tape_reads_completed_total The number of read requests issued to the tape drive.
            # TYPE node_tape_reads_completed_total counter
            node_tape_reads_completed_total{device="st0"} 12.0
            """);
  }

  @Test
  void failsWithAClearMessageWithoutTheTapeClass() {
    assertThatThrownBy(new TapestatsCollector(Fixtures.sysFs(), DeviceFilter.ALL)::collect)
        .isInstanceOf(NoDataException.class)
        .hasMessageEndingWith("class/scsi_tape: no SCSI tape drives (the st driver is not loaded)");
  }
}
