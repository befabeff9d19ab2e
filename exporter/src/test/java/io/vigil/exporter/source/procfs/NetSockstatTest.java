package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetSockstatTest {

  private static final Path FILE = Path.of("/proc/net/sockstat");

  @Test
  void parsesTheIpv4FileWithSocketsUsedAndEveryProtocolLine() throws Exception {
    NetSockstat stat = NetSockstat.read(Fixtures.procFs(), "sockstat").orElseThrow();

    assertThat(stat.socketsUsed()).hasValue(412);
    assertThat(stat.protocols()).extracting(NetSockstat.Protocol::name)
        .containsExactly("TCP", "UDP", "UDPLITE", "RAW", "FRAG");
    assertThat(stat.protocols().get(0).values())
        .containsExactly(
            Map.entry("inuse", 23L), Map.entry("orphan", 0L), Map.entry("tw", 41L), Map.entry("alloc", 37L),
            Map.entry("mem", 6L));
  }

  @Test
  void parsesTheIpv6FileWhichHasNoSocketsLine() throws Exception {
    NetSockstat stat = NetSockstat.read(Fixtures.procFs(), "sockstat6").orElseThrow();

    assertThat(stat.socketsUsed()).isEmpty();
    assertThat(stat.protocols()).extracting(NetSockstat.Protocol::name)
        .containsExactly("TCP6", "UDP6", "UDPLITE6", "RAW6", "FRAG6");
    assertThat(stat.protocols().get(4).value("memory")).hasValue(0);
  }

  @Test
  void convertsMemPagesToBytesOnlyWhereThereIsMem() throws Exception {
    NetSockstat stat = NetSockstat.parse(FILE, "TCP: inuse 1 mem 6\nFRAG: inuse 0 memory 2048\n");

    assertThat(stat.protocols().get(0).memBytes(4096)).hasValue(24576);
    assertThat(stat.protocols().get(0).memBytes(65536)).hasValue(393216);
    assertThat(stat.protocols().get(1).memBytes(4096)).isEqualTo(OptionalLong.empty());
  }

  @Test
  void isAbsentWhenTheKernelHasNoIpv6(@TempDir Path proc) throws Exception {
    assertThat(NetSockstat.read(new ProcFs(proc), "sockstat6")).isEmpty();
  }

  @Test
  void readsAnEmptyFileAsNoProtocols() throws Exception {
    assertThat(NetSockstat.parse(FILE, "")).isEqualTo(new NetSockstat(OptionalLong.empty(), java.util.List.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "TCP: inuse", // truncated pair
        "TCP: inuse 1 orphan", // odd number of fields
        "TCP:", // protocol only
        "TCP inuse 1", // no colon
        "TCP: inuse one", // not a number
        "TCP: inuse 1.5"
      })
  void rejectsMalformedLinesNamingFileAndLine(String line) {
    assertThatThrownBy(() -> NetSockstat.parse(FILE, "sockets: used 3\n" + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/sockstat:2: ");
  }

  @Test
  void parsesThisHostsSockstat() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/net/sockstat"))).as("a Linux host").isTrue();

    NetSockstat stat = NetSockstat.read(new ProcFs(Path.of("/proc")), "sockstat").orElseThrow();

    assertThat(stat.socketsUsed()).isPresent();
    assertThat(stat.protocols()).extracting(NetSockstat.Protocol::name).contains("TCP", "UDP");
    NetSockstat.Protocol tcp = stat.protocols().get(0);
    assertThat(tcp.value("inuse").getAsLong()).isNotNegative().isLessThanOrEqualTo(tcp.value("alloc").getAsLong());
  }
}
