package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XfsCollectorTest {

  private static Path caseDir(String kase) {
    return Fixtures.caseDir(XfsCollectorTest.class, kase);
  }

  @Test
  void reportsTheCanonicalSrvVolume() throws Exception {
    // /sys/fs/xfs/stats/stats (all filesystems together) is not a device and is not reported
    String out = MetricsText.of(new XfsCollector(Fixtures.sysFs()).collect());
    assertThat(out).isEqualTo(Files.readString(caseDir("canonical").resolve("expected.prom")));
    // "rw" is <write calls> <read calls>
    assertThat(out).contains("node_xfs_read_calls_total{device=\"dm-0\"} 2.2184533E7\n",
        "node_xfs_write_calls_total{device=\"dm-0\"} 3412876.0\n");
  }

  @Test
  void reportsEveryMountedFilesystem() throws Exception {
    String out = MetricsText.of(new XfsCollector(new SysFs(caseDir("ubuntu18.04-two-filesystems").resolve("sys")))
        .collect());
    assertThat(out).isEqualTo(Files.readString(caseDir("ubuntu18.04-two-filesystems").resolve("expected.prom")));
  }

  @Test
  void failsOnATruncatedLine() {
    XfsCollector collector = new XfsCollector(new SysFs(caseDir("truncated-line").resolve("sys")));
    assertThatThrownBy(collector::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("stats:9: expected 7 or 8 counters for vnodes: \"vnodes 4123 0 0\"");
  }

  @Test
  void reportsNothingWithoutXfs(@TempDir Path sys) throws Exception {
    assertThat(new XfsCollector(new SysFs(sys)).collect()).isEmpty();
    Files.createDirectories(sys.resolve("fs/xfs/stats"));
    Files.writeString(sys.resolve("fs/xfs/stats/stats"), "extent_alloc 0 0 0 0\n");
    assertThat(new XfsCollector(new SysFs(sys)).collect()).isEmpty();
  }
}
