package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetRouteTest {

  private static final Path FILE = Path.of("/proc/net/route");
  private static final String HEADER =
      "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n";

  @BeforeAll
  static void fixturesAreLittleEndian() {
    // the fixture files were printed by a little-endian kernel; the parser reads them in this JVM's byte order
    assumeThat(ByteOrder.nativeOrder()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void decodesTheMainTableOfTheCanonicalHost() throws Exception {
    assertThat(NetRoute.read(Fixtures.procFs()).routes()).containsExactly(
        new NetRoute.Route("eth0", "0.0.0.0", 0, "10.20.0.1", 0x3, 0),
        new NetRoute.Route("eth0", "10.20.0.0", 24, "0.0.0.0", 0x1, 0),
        new NetRoute.Route("docker0", "172.17.0.0", 16, "0.0.0.0", 0x1, 0));
  }

  @Test
  void keepsRejectRoutesWithoutDeviceAndTheirFlags() throws Exception {
    NetRoute r = NetRoute.parse(FILE, HEADER + "*\t0000000A\t00000000\t0201\t0\t0\t0\t000000FF\t0\t0\t0\n");

    assertThat(r.routes()).containsExactly(new NetRoute.Route("*", "10.0.0.0", 8, "0.0.0.0", 0x201, 0));
    assertThat(r.routes().get(0).hasGateway()).isFalse();
  }

  @Test
  void readsAHeaderOnlyTableAsNoRoutes() throws Exception {
    assertThat(NetRoute.parse(FILE, HEADER).routes()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "eth0\t00000000\t0100140A\t0003\t0\t0\t0", // cut short before the mask
      "eth0\t0000000\t0100140A\t0003\t0\t0\t0\t00000000\t0\t0\t0", // 7-digit destination
      "eth0\t00000000\t0100140A\tzz\t0\t0\t0\t00000000\t0\t0\t0", // flags not hex
      "eth0\t00000000\t0100140A\t0003\t0\t0\tten\t00000000\t0\t0\t0"}) // metric not a number
  void rejectsMalformedRouteLinesNamingFileAndLine(String line) {
    assertThatThrownBy(() -> NetRoute.parse(FILE, HEADER + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/route:2: ");
  }

  @Test
  void parsesThisHostsRoutes() throws Exception {
    assumeThat(Files.isReadable(FILE)).as("a Linux /proc").isTrue();
    assertThat(NetRoute.read(new ProcFs(Path.of("/proc"))).routes())
        .allSatisfy(r -> assertThat(r.prefixLength()).isBetween(0, 32));
  }
}
