package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SockstatCollectorTest {

  @Test
  void exposesIpv4AndIpv6SocketCountsAndMemoryInBytes() throws Exception {
    SockstatCollector collector = new SockstatCollector(Fixtures.procFs(), 4096);

    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_sockstat_FRAG6_inuse Number of FRAG6 sockets in state inuse.
            # TYPE node_sockstat_FRAG6_inuse gauge
            node_sockstat_FRAG6_inuse 0.0
            # HELP node_sockstat_FRAG6_memory Number of FRAG6 sockets in state memory.
            # TYPE node_sockstat_FRAG6_memory gauge
            node_sockstat_FRAG6_memory 0.0
            # HELP node_sockstat_FRAG_inuse Number of FRAG sockets in state inuse.
            # TYPE node_sockstat_FRAG_inuse gauge
            node_sockstat_FRAG_inuse 0.0
            # HELP node_sockstat_FRAG_memory Number of FRAG sockets in state memory.
            # TYPE node_sockstat_FRAG_memory gauge
            node_sockstat_FRAG_memory 0.0
            # HELP node_sockstat_RAW6_inuse Number of RAW6 sockets in state inuse.
            # TYPE node_sockstat_RAW6_inuse gauge
            node_sockstat_RAW6_inuse 1.0
            # HELP node_sockstat_RAW_inuse Number of RAW sockets in state inuse.
            # TYPE node_sockstat_RAW_inuse gauge
            node_sockstat_RAW_inuse 0.0
            # HELP node_sockstat_TCP6_inuse Number of TCP6 sockets in state inuse.
            # TYPE node_sockstat_TCP6_inuse gauge
            node_sockstat_TCP6_inuse 8.0
            # HELP node_sockstat_TCP_alloc Number of TCP sockets in state alloc.
            # TYPE node_sockstat_TCP_alloc gauge
            node_sockstat_TCP_alloc 37.0
            # HELP node_sockstat_TCP_inuse Number of TCP sockets in state inuse.
            # TYPE node_sockstat_TCP_inuse gauge
            node_sockstat_TCP_inuse 23.0
            # HELP node_sockstat_TCP_mem Number of TCP sockets in state mem.
            # TYPE node_sockstat_TCP_mem gauge
            node_sockstat_TCP_mem 6.0
            # HELP node_sockstat_TCP_mem_bytes Number of TCP sockets in state mem_bytes.
            # TYPE node_sockstat_TCP_mem_bytes gauge
            node_sockstat_TCP_mem_bytes 24576.0
            # HELP node_sockstat_TCP_orphan Number of TCP sockets in state orphan.
            # TYPE node_sockstat_TCP_orphan gauge
            node_sockstat_TCP_orphan 0.0
            # HELP node_sockstat_TCP_tw Number of TCP sockets in state tw.
            # TYPE node_sockstat_TCP_tw gauge
            node_sockstat_TCP_tw 41.0
            # HELP node_sockstat_UDP6_inuse Number of UDP6 sockets in state inuse.
            # TYPE node_sockstat_UDP6_inuse gauge
            node_sockstat_UDP6_inuse 4.0
            # HELP node_sockstat_UDPLITE6_inuse Number of UDPLITE6 sockets in state inuse.
            # TYPE node_sockstat_UDPLITE6_inuse gauge
            node_sockstat_UDPLITE6_inuse 0.0
            # HELP node_sockstat_UDPLITE_inuse Number of UDPLITE sockets in state inuse.
            # TYPE node_sockstat_UDPLITE_inuse gauge
            node_sockstat_UDPLITE_inuse 0.0
            # HELP node_sockstat_UDP_inuse Number of UDP sockets in state inuse.
            # TYPE node_sockstat_UDP_inuse gauge
            node_sockstat_UDP_inuse 9.0
            # HELP node_sockstat_UDP_mem Number of UDP sockets in state mem.
            # TYPE node_sockstat_UDP_mem gauge
            node_sockstat_UDP_mem 3.0
            # HELP node_sockstat_UDP_mem_bytes Number of UDP sockets in state mem_bytes.
            # TYPE node_sockstat_UDP_mem_bytes gauge
            node_sockstat_UDP_mem_bytes 12288.0
            # HELP node_sockstat_sockets_used Number of IPv4 sockets in use.
            # TYPE node_sockstat_sockets_used gauge
            node_sockstat_sockets_used 412.0
            """);
  }

  @Test
  void exposesOnlyIpv4WhenTheKernelHasIpv6Disabled() throws Exception {
    ProcFs proc = new ProcFs(Fixtures.caseDir(SockstatCollectorTest.class, "linux-3.10-ipv6-disabled").resolve("proc"));

    assertThat(MetricsText.of(new SockstatCollector(proc, 4096).collect()))
        .isEqualTo(
            """
            # HELP node_sockstat_FRAG_inuse Number of FRAG sockets in state inuse.
            # TYPE node_sockstat_FRAG_inuse gauge
            node_sockstat_FRAG_inuse 0.0
            # HELP node_sockstat_FRAG_memory Number of FRAG sockets in state memory.
            # TYPE node_sockstat_FRAG_memory gauge
            node_sockstat_FRAG_memory 0.0
            # HELP node_sockstat_RAW_inuse Number of RAW sockets in state inuse.
            # TYPE node_sockstat_RAW_inuse gauge
            node_sockstat_RAW_inuse 0.0
            # HELP node_sockstat_TCP_alloc Number of TCP sockets in state alloc.
            # TYPE node_sockstat_TCP_alloc gauge
            node_sockstat_TCP_alloc 19.0
            # HELP node_sockstat_TCP_inuse Number of TCP sockets in state inuse.
            # TYPE node_sockstat_TCP_inuse gauge
            node_sockstat_TCP_inuse 12.0
            # HELP node_sockstat_TCP_mem Number of TCP sockets in state mem.
            # TYPE node_sockstat_TCP_mem gauge
            node_sockstat_TCP_mem 4.0
            # HELP node_sockstat_TCP_mem_bytes Number of TCP sockets in state mem_bytes.
            # TYPE node_sockstat_TCP_mem_bytes gauge
            node_sockstat_TCP_mem_bytes 16384.0
            # HELP node_sockstat_TCP_orphan Number of TCP sockets in state orphan.
            # TYPE node_sockstat_TCP_orphan gauge
            node_sockstat_TCP_orphan 1.0
            # HELP node_sockstat_TCP_tw Number of TCP sockets in state tw.
            # TYPE node_sockstat_TCP_tw gauge
            node_sockstat_TCP_tw 37.0
            # HELP node_sockstat_UDPLITE_inuse Number of UDPLITE sockets in state inuse.
            # TYPE node_sockstat_UDPLITE_inuse gauge
            node_sockstat_UDPLITE_inuse 0.0
            # HELP node_sockstat_UDP_inuse Number of UDP sockets in state inuse.
            # TYPE node_sockstat_UDP_inuse gauge
            node_sockstat_UDP_inuse 3.0
            # HELP node_sockstat_UDP_mem Number of UDP sockets in state mem.
            # TYPE node_sockstat_UDP_mem gauge
            node_sockstat_UDP_mem 2.0
            # HELP node_sockstat_UDP_mem_bytes Number of UDP sockets in state mem_bytes.
            # TYPE node_sockstat_UDP_mem_bytes gauge
            node_sockstat_UDP_mem_bytes 8192.0
            # HELP node_sockstat_sockets_used Number of IPv4 sockets in use.
            # TYPE node_sockstat_sockets_used gauge
            node_sockstat_sockets_used 188.0
            """);
  }

  @Test
  void multipliesMemPagesByTheGivenPageSize() throws Exception {
    String text = MetricsText.of(new SockstatCollector(Fixtures.procFs(), 65536).collect());

    assertThat(text).contains("node_sockstat_TCP_mem_bytes 393216.0", "node_sockstat_UDP_mem_bytes 196608.0");
  }

  @Test
  void exposesNothingWithoutEitherFile(@TempDir Path proc) throws Exception {
    assertThat(new SockstatCollector(new ProcFs(proc), 4096).collect()).isEmpty();
  }

  @Test
  void failsOnAMalformedFile(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("net/sockstat"), "sockets: used 3\nTCP: inuse\n");

    assertThatThrownBy(() -> new SockstatCollector(new ProcFs(proc), 4096).collect())
        .isInstanceOf(MalformedFileException.class);
  }
}
