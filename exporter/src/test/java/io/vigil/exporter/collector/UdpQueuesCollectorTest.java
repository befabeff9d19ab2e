package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UdpQueuesCollectorTest {

  @Test
  void sumsSendAndReceiveQueuesOfIpv4AndIpv6Sockets() throws Exception {
    assertThat(MetricsText.of(new UdpQueuesCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_udp_queues Number of allocated memory in the kernel for UDP datagrams in bytes.
            # TYPE node_udp_queues gauge
            node_udp_queues{ip="v4",queue="rx"} 3584.0
            node_udp_queues{ip="v4",queue="tx"} 768.0
            node_udp_queues{ip="v6",queue="rx"} 384.0
            node_udp_queues{ip="v6",queue="tx"} 0.0
            """);
  }

  @Test
  void exposesOnlyIpv4WhenIpv6IsDisabled() throws Exception {
    ProcFs proc = new ProcFs(Fixtures.caseDir(UdpQueuesCollectorTest.class, "ipv6-disabled").resolve("proc"));

    assertThat(MetricsText.of(new UdpQueuesCollector(proc).collect()))
        .isEqualTo(
            """
            # HELP node_udp_queues Number of allocated memory in the kernel for UDP datagrams in bytes.
            # TYPE node_udp_queues gauge
            node_udp_queues{ip="v4",queue="rx"} 2688.0
            node_udp_queues{ip="v4",queue="tx"} 0.0
            """);
  }

  @Test
  void failsWithNeitherFileAsNodeExporterDoes(@TempDir Path proc) {
    assertThatThrownBy(() -> new UdpQueuesCollector(new ProcFs(proc)).collect())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nor udp6 exists");
  }

  @Test
  void failsOnAMalformedSocketLine(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("net/udp"), Files.readString(Fixtures.procFs().path("net", "udp"))
        .replaceFirst("00000000:00000B40", "00000000-00000B40"));

    assertThatThrownBy(() -> new UdpQueuesCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("udp:5: ");
  }
}
