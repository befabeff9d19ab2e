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

class InfinibandCollectorTest {

  private static Path tree(String name) {
    return Fixtures.caseDir(InfinibandCollectorTest.class, name).resolve("sys");
  }

  private static String scrape(Path sys) throws Exception {
    return MetricsText.of(new InfinibandCollector(new SysFs(sys)).collect());
  }

  @Test
  void reportsAConnectX5PortWithItsCountersAndTheHcaInfo() throws Exception {
    ExpectedOutput.assertMatches(
        scrape(tree("hpcNodeConnectX5")), tree("hpcNodeConnectX5").resolveSibling("expected.prom"));
    assertThat(scrape(tree("hpcNodeConnectX5")))
        .contains("node_infiniband_rate_bytes_per_second{device=\"mlx5_0\",port=\"1\"} 1.25E10\n")
        .doesNotContain("rx_write_requests");
  }

  @Test
  void reportsMlx4ExtendedCountersAndLeavesOutCountersWithoutAPma() throws Exception {
    String out = scrape(tree("oldClusterMlx4"));
    ExpectedOutput.assertMatches(out, tree("oldClusterMlx4").resolveSibling("expected.prom"));
    assertThat(out)
        .contains("node_infiniband_legacy_data_received_bytes_total{device=\"mlx4_0\",port=\"1\"} 7.360932479528E12\n")
        .contains("node_infiniband_port_transmit_wait_total{device=\"mlx4_0\",port=\"1\"} 0.0\n")
        .doesNotContain("node_infiniband_port_transmit_wait_total{device=\"mlx4_0\",port=\"2\"}");
  }

  @Test
  void failsWithNoDataOnTheCanonicalDesktop() {
    assertThatThrownBy(new InfinibandCollector(Fixtures.sysFs())::collect).isInstanceOf(NoDataException.class);
  }

  @Test
  void failsOnATruncatedCounter(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(tree("hpcNodeConnectX5"), sys);
    Files.writeString(sys.resolve("class/infiniband/mlx5_0/ports/1/counters/port_rcv_data"), "");
    assertThatThrownBy(new InfinibandCollector(new SysFs(sys))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("port_rcv_data");
  }

  @Test
  void failsOnAMalformedPortState(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(tree("hpcNodeConnectX5"), sys);
    Files.writeString(sys.resolve("class/infiniband/mlx5_0/ports/1/state"), "ACTIVE\n");
    assertThatThrownBy(new InfinibandCollector(new SysFs(sys))::collect).isInstanceOf(MalformedFileException.class);
  }

  @Test
  void ignoresAMalformedFileItDoesNotReport(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(tree("hpcNodeConnectX5"), sys);
    Files.writeString(sys.resolve("class/infiniband/mlx5_0/ports/1/hw_counters/lifespan"), "soon\n");
    Files.writeString(sys.resolve("class/infiniband/mlx5_0/ports/1/counters/port_rcv_data_frobs"), "x\n");
    assertThat(scrape(sys)).isEqualTo(scrape(tree("hpcNodeConnectX5")));
  }
}
