package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetDevStatsTest {

  private static final Path FILE = Path.of("/proc/net/dev");

  private static final String HEADER =
      "Inter-|   Receive                                                |  Transmit\n"
          + " face |bytes    packets errs drop fifo frame compressed multicast"
          + "|bytes    packets errs drop fifo colls carrier compressed\n";

  @Test
  void parsesTheFixtureFileWithEveryColumnUnderNodeExporterStems() throws Exception {
    List<NetDevStats> devices = NetDevStats.parse(FILE, Fixtures.procFs().read("net", "dev"));

    assertThat(devices).extracting(NetDevStats::device).containsExactly("lo", "eth0", "docker0", "vethc4a7e21");
    NetDevStats eth0 = devices.get(1);
    assertThat(eth0.counters())
        .containsExactly(
            Map.entry("receive_bytes", 98765432109.0),
            Map.entry("receive_packets", 81234567.0),
            Map.entry("receive_errs", 3.0),
            Map.entry("receive_drop", 1842.0),
            Map.entry("receive_fifo", 0.0),
            Map.entry("receive_frame", 2.0),
            Map.entry("receive_compressed", 0.0),
            Map.entry("receive_multicast", 455012.0),
            Map.entry("transmit_bytes", 12345678901.0),
            Map.entry("transmit_packets", 45678901.0),
            Map.entry("transmit_errs", 0.0),
            Map.entry("transmit_drop", 0.0),
            Map.entry("transmit_fifo", 0.0),
            Map.entry("transmit_colls", 0.0),
            Map.entry("transmit_carrier", 0.0),
            Map.entry("transmit_compressed", 0.0));
  }

  @Test
  void parsesADeviceNameRunIntoItsFirstCounter() throws Exception {
    // Kernels before 2.6.x printed "%6s:%8lu", so a long byte count touched the colon.
    String text = HEADER + "  eth0:1234567890 5 0 0 0 0 0 0 99 4 0 0 0 0 0 0\n";

    NetDevStats eth0 = NetDevStats.parse(FILE, text).get(0);

    assertThat(eth0.device()).isEqualTo("eth0");
    assertThat(eth0.counters()).containsEntry("receive_bytes", 1234567890.0).containsEntry("transmit_bytes", 99.0);
  }

  @Test
  void keepsFullUnsigned64BitCounters() throws Exception {
    String text = HEADER + "eth0: 18446744073709551615 0 0 0 0 0 0 0 9223372036854775808 0 0 0 0 0 0 0\n";

    NetDevStats eth0 = NetDevStats.parse(FILE, text).get(0);

    assertThat(eth0.counters().get("receive_bytes")).isEqualTo(1.8446744073709552E19);
    assertThat(eth0.counters().get("transmit_bytes")).isEqualTo(9.223372036854776E18);
  }

  @Test
  void namesCountersAfterTheHeaderSoANewColumnGetsItsOwnStem() throws Exception {
    String text = "Inter-|   Receive   |  Transmit\n face |bytes packets|bytes packets carrier\n"
        + "  eth0: 10 1 20 2 0\n";

    assertThat(NetDevStats.parse(FILE, text).get(0).counters())
        .containsOnlyKeys("receive_bytes", "receive_packets", "transmit_bytes", "transmit_packets", "transmit_carrier");
  }

  @Test
  void readsAHostWithNoInterfacesAsAnEmptyList() throws Exception {
    assertThat(NetDevStats.parse(FILE, HEADER)).isEmpty();
  }

  @Test
  void addsACounterWithoutChangingTheOriginal() {
    NetDevStats stats = new NetDevStats("eth0", Map.of("receive_bytes", 1.0));

    NetDevStats more = stats.with(NetDevStats.RECEIVE_NOHANDLER, 7);

    assertThat(more.counters()).containsEntry("receive_nohandler", 7.0).containsEntry("receive_bytes", 1.0);
    assertThat(stats.counters()).doesNotContainKey("receive_nohandler");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "Inter-|   Receive   |  Transmit\n", "eth0: 1 2 3\n"})
  void rejectsAFileWithoutItsHeader(String text) {
    assertThatThrownBy(() -> NetDevStats.parse(FILE, text))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/dev:");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15\n", // truncated: 15 of 16 counters
        "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17\n", // one too many
        "  eth0  1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", // no colon
        "      : 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n", // no name
        "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 -16\n", // negative
        "  eth0: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 1e3\n", // not a decimal integer
        "  eth0: 18446744073709551616 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n" // above 2^64-1
      })
  void rejectsAMalformedDeviceLineNamingFileAndLine(String line) {
    assertThatThrownBy(() -> NetDevStats.parse(FILE, HEADER + "    lo: 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n" + line))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/dev:4: ")
        .satisfies(e -> assertThat(((MalformedFileException) e).line()).isEqualTo(line.stripTrailing()));
  }

  @Test
  void parsesThisHostsProcNetDev() throws Exception {
    Path real = Path.of("/proc/net/dev");
    assumeThat(Files.isReadable(real)).as("a Linux host with /proc/net/dev").isTrue();

    List<NetDevStats> devices = NetDevStats.parse(real, Files.readString(real));

    assertThat(devices).extracting(NetDevStats::device).contains("lo").doesNotHaveDuplicates();
    assertThat(devices).allSatisfy(d -> {
      assertThat(d.counters()).hasSize(16);
      assertThat(d.counters().values()).allSatisfy(v -> assertThat(v).isNotNegative());
    });
    NetDevStats lo = devices.stream().filter(d -> d.device().equals("lo")).findFirst().orElseThrow();
    // The loopback driver reports one set of counts as both directions.
    assertThat(lo.counters().get("receive_packets")).isEqualTo(lo.counters().get("transmit_packets"));
    assertThat(lo.counters().get("receive_bytes")).isEqualTo(lo.counters().get("transmit_bytes"));
  }
}
