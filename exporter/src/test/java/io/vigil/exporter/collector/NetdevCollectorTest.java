package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.source.NetDevStats;
import io.vigil.exporter.source.procfs.NetDevReader;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NetdevCollectorTest {

  private static final NetDevReader FIXTURE = new NetDevReader(Fixtures.procFs(), Fixtures.sysFs());

  @Test
  void exposesEveryCounterOfEveryDeviceButLoopbackByDefault() throws Exception {
    NetdevCollector collector = new NetdevCollector(FIXTURE, CollectorOptions.DEFAULT.netdevDevices());

    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_network_receive_bytes_total Network device statistic receive_bytes.
            # TYPE node_network_receive_bytes_total counter
            node_network_receive_bytes_total{device="docker0"} 1.843251108E9
            node_network_receive_bytes_total{device="eth0"} 9.8765432109E10
            node_network_receive_bytes_total{device="vethc4a7e21"} 1.876738944E9
            # HELP node_network_receive_compressed_total Network device statistic receive_compressed.
            # TYPE node_network_receive_compressed_total counter
            node_network_receive_compressed_total{device="docker0"} 0.0
            node_network_receive_compressed_total{device="eth0"} 0.0
            node_network_receive_compressed_total{device="vethc4a7e21"} 0.0
            # HELP node_network_receive_drop_total Network device statistic receive_drop.
            # TYPE node_network_receive_drop_total counter
            node_network_receive_drop_total{device="docker0"} 0.0
            node_network_receive_drop_total{device="eth0"} 1842.0
            node_network_receive_drop_total{device="vethc4a7e21"} 0.0
            # HELP node_network_receive_errs_total Network device statistic receive_errs.
            # TYPE node_network_receive_errs_total counter
            node_network_receive_errs_total{device="docker0"} 0.0
            node_network_receive_errs_total{device="eth0"} 3.0
            node_network_receive_errs_total{device="vethc4a7e21"} 0.0
            # HELP node_network_receive_fifo_total Network device statistic receive_fifo.
            # TYPE node_network_receive_fifo_total counter
            node_network_receive_fifo_total{device="docker0"} 0.0
            node_network_receive_fifo_total{device="eth0"} 0.0
            node_network_receive_fifo_total{device="vethc4a7e21"} 0.0
            # HELP node_network_receive_frame_total Network device statistic receive_frame.
            # TYPE node_network_receive_frame_total counter
            node_network_receive_frame_total{device="docker0"} 0.0
            node_network_receive_frame_total{device="eth0"} 2.0
            node_network_receive_frame_total{device="vethc4a7e21"} 0.0
            # HELP node_network_receive_multicast_total Network device statistic receive_multicast.
            # TYPE node_network_receive_multicast_total counter
            node_network_receive_multicast_total{device="docker0"} 0.0
            node_network_receive_multicast_total{device="eth0"} 455012.0
            node_network_receive_multicast_total{device="vethc4a7e21"} 0.0
            # HELP node_network_receive_nohandler_total Network device statistic receive_nohandler.
            # TYPE node_network_receive_nohandler_total counter
            node_network_receive_nohandler_total{device="docker0"} 0.0
            node_network_receive_nohandler_total{device="eth0"} 1375.0
            node_network_receive_nohandler_total{device="vethc4a7e21"} 0.0
            # HELP node_network_receive_packets_total Network device statistic receive_packets.
            # TYPE node_network_receive_packets_total counter
            node_network_receive_packets_total{device="docker0"} 2391774.0
            node_network_receive_packets_total{device="eth0"} 8.1234567E7
            node_network_receive_packets_total{device="vethc4a7e21"} 2391776.0
            # HELP node_network_transmit_bytes_total Network device statistic transmit_bytes.
            # TYPE node_network_transmit_bytes_total counter
            node_network_transmit_bytes_total{device="docker0"} 3.826491553E10
            node_network_transmit_bytes_total{device="eth0"} 1.2345678901E10
            node_network_transmit_bytes_total{device="vethc4a7e21"} 3.826491721E10
            # HELP node_network_transmit_carrier_total Network device statistic transmit_carrier.
            # TYPE node_network_transmit_carrier_total counter
            node_network_transmit_carrier_total{device="docker0"} 0.0
            node_network_transmit_carrier_total{device="eth0"} 0.0
            node_network_transmit_carrier_total{device="vethc4a7e21"} 0.0
            # HELP node_network_transmit_colls_total Network device statistic transmit_colls.
            # TYPE node_network_transmit_colls_total counter
            node_network_transmit_colls_total{device="docker0"} 0.0
            node_network_transmit_colls_total{device="eth0"} 0.0
            node_network_transmit_colls_total{device="vethc4a7e21"} 0.0
            # HELP node_network_transmit_compressed_total Network device statistic transmit_compressed.
            # TYPE node_network_transmit_compressed_total counter
            node_network_transmit_compressed_total{device="docker0"} 0.0
            node_network_transmit_compressed_total{device="eth0"} 0.0
            node_network_transmit_compressed_total{device="vethc4a7e21"} 0.0
            # HELP node_network_transmit_drop_total Network device statistic transmit_drop.
            # TYPE node_network_transmit_drop_total counter
            node_network_transmit_drop_total{device="docker0"} 4.0
            node_network_transmit_drop_total{device="eth0"} 0.0
            node_network_transmit_drop_total{device="vethc4a7e21"} 0.0
            # HELP node_network_transmit_errs_total Network device statistic transmit_errs.
            # TYPE node_network_transmit_errs_total counter
            node_network_transmit_errs_total{device="docker0"} 0.0
            node_network_transmit_errs_total{device="eth0"} 0.0
            node_network_transmit_errs_total{device="vethc4a7e21"} 0.0
            # HELP node_network_transmit_fifo_total Network device statistic transmit_fifo.
            # TYPE node_network_transmit_fifo_total counter
            node_network_transmit_fifo_total{device="docker0"} 0.0
            node_network_transmit_fifo_total{device="eth0"} 0.0
            node_network_transmit_fifo_total{device="vethc4a7e21"} 0.0
            # HELP node_network_transmit_packets_total Network device statistic transmit_packets.
            # TYPE node_network_transmit_packets_total counter
            node_network_transmit_packets_total{device="docker0"} 3016652.0
            node_network_transmit_packets_total{device="eth0"} 4.5678901E7
            node_network_transmit_packets_total{device="vethc4a7e21"} 3016688.0
            """);
  }

  @Test
  void keepsOnlyTheDevicesTheIncludePatternMatches() throws Exception {
    DeviceFilter onlyEth = new DeviceFilter(Optional.of(Pattern.compile("^eth")), Optional.empty());

    String text = MetricsText.of(new NetdevCollector(FIXTURE, onlyEth).collect());

    assertThat(text).contains("node_network_receive_bytes_total{device=\"eth0\"} 9.8765432109E10");
    assertThat(text).doesNotContain("device=\"lo\"", "device=\"docker0\"", "device=\"vethc4a7e21\"");
  }

  @Test
  void leavesOutAFamilyNoDeviceHas() throws Exception {
    List<NetDevStats> oldKernel =
        List.of(new NetDevStats("eth0", Map.of("receive_bytes", 10.0, "transmit_bytes", 20.0)));

    assertThat(MetricsText.of(new NetdevCollector(() -> oldKernel, DeviceFilter.ALL).collect()))
        .isEqualTo(
            """
            # HELP node_network_receive_bytes_total Network device statistic receive_bytes.
            # TYPE node_network_receive_bytes_total counter
            node_network_receive_bytes_total{device="eth0"} 10.0
            # HELP node_network_transmit_bytes_total Network device statistic transmit_bytes.
            # TYPE node_network_transmit_bytes_total counter
            node_network_transmit_bytes_total{device="eth0"} 20.0
            """);
  }

  @Test
  void exposesNothingWhenTheFilterDropsEveryDevice() throws Exception {
    assertThat(new NetdevCollector(FIXTURE, DeviceFilter.excluding(".")).collect()).isEmpty();
  }

  @Test
  void failsWhenTheSourceFails() {
    NetdevCollector collector =
        new NetdevCollector(() -> { throw new IOException("/proc/net/dev: gone"); }, DeviceFilter.ALL);

    assertThatThrownBy(collector::collect).isInstanceOf(IOException.class).hasMessageContaining("/proc/net/dev");
  }
}
