package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FibrechannelCollectorTest {

  private static final Path CASE = Fixtures.caseDir(FibrechannelCollectorTest.class, "qla2xxx");

  @Test
  void reportsBothPortsOfTheHbaAndSkipsUnimplementedCounters() throws Exception {
    String out = MetricsText.of(new FibrechannelCollector(new SysFs(CASE.resolve("sys"))).collect());
    assertThat(out).isEqualTo(Files.readString(CASE.resolve("expected.prom")));
    // qla2xxx reports dumped_frames as all ones (not implemented): no family at all
    assertThat(out).doesNotContain("dumped_frames").contains("node_fibrechannel_rx_words_total{fc_host=\"host1\"}"
        + " 1.25296134751E11\n");
  }

  @Test
  void leavesALabelEmptyWhenTheDriverLacksTheAttribute(@TempDir Path sys) throws Exception {
    Path host = Files.createDirectories(sys.resolve("class/fc_host/host3"));
    Files.writeString(host.resolve("port_state"), "Online\n");
    Files.writeString(host.resolve("port_name"), "0x10000090fa1b2c3d\n");
    assertThat(MetricsText.of(new FibrechannelCollector(new SysFs(sys)).collect()))
        .isEqualTo(
            """
            # HELP node_fibrechannel_info Non-numeric data from /sys/class/fc_host/<host>, value is always 1.
            # TYPE node_fibrechannel_info gauge
            node_fibrechannel_info{dev_loss_tmo="",fabric_name="",fc_host="host3",port_id="",port_name="10000090fa1b2c3d",port_state="Online",port_type="",speed="",supported_classes="",supported_speeds="",symbolic_name=""} 1.0
            """);
  }

  @Test
  void failsOnAStatisticThatIsNotHexadecimal(@TempDir Path sys) throws Exception {
    Path stats = Files.createDirectories(sys.resolve("class/fc_host/host1/statistics"));
    Files.writeString(stats.resolve("rx_frames"), "0xzz\n");
    assertThatThrownBy(new FibrechannelCollector(new SysFs(sys))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("rx_frames:1: expected an unsigned integer");
  }

  @Test
  void failsWithAClearMessageWithoutTheFcHostClass() {
    assertThatThrownBy(new FibrechannelCollector(Fixtures.sysFs())::collect)
        .isInstanceOf(NoDataException.class)
        .hasMessageEndingWith("class/fc_host: no Fibre Channel host ports");
  }
}
