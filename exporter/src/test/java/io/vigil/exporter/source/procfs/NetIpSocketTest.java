package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetIpSocketTest {

  private static final Path FILE = Path.of("/proc/net/udp");
  private static final String HEADER =
      "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer"
          + " drops\n";

  @Test
  void sumsTheQueuesOfTheCanonicalUdpSockets() throws Exception {
    NetIpSocket udp = NetIpSocket.read(Fixtures.procFs(), "udp").orElseThrow();

    assertThat(udp.sockets()).hasSize(9);
    assertThat(udp.txQueueTotal()).isEqualTo(768);
    assertThat(udp.rxQueueTotal()).isEqualTo(2880 + 704);
    assertThat(udp.sockets()).extracting(NetIpSocket.Line::state).containsOnly(1, 7);
  }

  @Test
  void parsesIpv6AndTcpTablesWithTheSameColumns() throws Exception {
    NetIpSocket tcp6 = NetIpSocket.read(Fixtures.procFs(), "tcp6").orElseThrow();
    NetIpSocket tcp = NetIpSocket.read(Fixtures.procFs(), "tcp").orElseThrow();

    assertThat(tcp6.sockets()).hasSize(16);
    assertThat(tcp6.sockets().get(0)).isEqualTo(new NetIpSocket.Line(0x0A, 0, 0));
    assertThat(tcp.sockets()).hasSize(56).filteredOn(s -> s.state() == 6).hasSize(33);
  }

  @Test
  void isAbsentWhenTheKernelHasNoIpv6(@TempDir Path proc) throws Exception {
    assertThat(NetIpSocket.read(new ProcFs(proc), "udp6")).isEmpty();
  }

  @Test
  void readsAHeaderOnlyTableAsNoSockets() throws Exception {
    assertThat(NetIpSocket.parse(FILE, HEADER).sockets()).isEmpty();
    assertThat(NetIpSocket.parse(FILE, "").sockets()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "    0: 00000000:0044 00000000:0000 07 00000000-00000000 00:00000000 00000000     0", // no colon in queues
      "    0: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000", // cut short
      "    0: 00000000:0044 00000000:0000 zz 00000000:00000000 00:00000000 00000000     0", // state not hex
      "    0: 0000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0", // 7-digit address
      "    0: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000  root", // uid not a number
      "    0 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0"}) // slot without colon
  void rejectsMalformedSocketLinesNamingFileAndLine(String line) {
    assertThatThrownBy(() -> NetIpSocket.parse(FILE, HEADER + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/udp:2: ");
  }

  @Test
  void parsesThisHostsSocketTables() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/net/tcp"))).as("a Linux /proc").isTrue();
    ProcFs proc = new ProcFs(Path.of("/proc"));
    NetIpSocket tcp = NetIpSocket.read(proc, "tcp").orElseThrow();
    assertThat(tcp.sockets()).allSatisfy(s -> assertThat(s.state()).isBetween(1, 12));
    assertThat(NetIpSocket.read(proc, "udp").orElseThrow().rxQueueTotal()).isNotNegative();
  }
}
