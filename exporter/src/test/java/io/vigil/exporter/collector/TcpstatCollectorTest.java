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

class TcpstatCollectorTest {

  private static final String HEADER =
      "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

  @Test
  void countsIpv4AndIpv6SocketsPerStateWithTheirQueuedBytes() throws Exception {
    assertThat(MetricsText.of(new TcpstatCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_tcp_connection_states Number of connection states.
            # TYPE node_tcp_connection_states gauge
            node_tcp_connection_states{state="close_wait"} 1.0
            node_tcp_connection_states{state="established"} 18.0
            node_tcp_connection_states{state="fin_wait2"} 1.0
            node_tcp_connection_states{state="last_ack"} 1.0
            node_tcp_connection_states{state="listen"} 9.0
            node_tcp_connection_states{state="rx_queued_bytes"} 530.0
            node_tcp_connection_states{state="syn_sent"} 1.0
            node_tcp_connection_states{state="time_wait"} 41.0
            node_tcp_connection_states{state="tx_queued_bytes"} 8690.0
            """);
  }

  @Test
  void readsOnlyIpv4WhenIpv6IsDisabledAndNamesUnknownStates(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("net/tcp"), HEADER
        + "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1\n"
        + "   1: 0F00140A:0016 0500140A:CBF6 0C 00000000:00000000 00:00000000 00000000     0        0 2 1\n");

    assertThat(MetricsText.of(new TcpstatCollector(new ProcFs(proc)).collect()))
        .isEqualTo(
            """
            # HELP node_tcp_connection_states Number of connection states.
            # TYPE node_tcp_connection_states gauge
            node_tcp_connection_states{state="listen"} 1.0
            node_tcp_connection_states{state="rx_queued_bytes"} 0.0
            node_tcp_connection_states{state="tx_queued_bytes"} 0.0
            node_tcp_connection_states{state="unknown"} 1.0
            """);
  }

  @Test
  void exposesNothingWithoutSockets(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("net/tcp"), HEADER);

    assertThat(new TcpstatCollector(new ProcFs(proc)).collect()).isEmpty();
  }

  @Test
  void failsWithNeitherFile(@TempDir Path proc) {
    assertThatThrownBy(() -> new TcpstatCollector(new ProcFs(proc)).collect()).isInstanceOf(IOException.class);
  }

  @Test
  void failsOnASocketLineCutShort(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("net/tcp"), HEADER + "   0: 00000000:0016 00000000:0000 0A\n");

    assertThatThrownBy(() -> new TcpstatCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("tcp:2: ");
  }
}
