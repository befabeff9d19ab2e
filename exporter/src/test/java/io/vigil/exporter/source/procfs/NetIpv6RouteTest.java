package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetIpv6RouteTest {

  private static final Path FILE = Path.of("/proc/net/ipv6_route");

  @Test
  void parsesEveryTableOfTheCanonicalHostWithFlags() throws Exception {
    NetIpv6Route routes = NetIpv6Route.read(Fixtures.procFs());

    assertThat(routes.routes()).hasSize(16);
    assertThat(routes.routes().get(4))
        .isEqualTo(new NetIpv6Route.Route("::", 0, "2001:db8:4a1:10::1", 1024, 0x3, "eth0"));
    assertThat(routes.routes().get(5).flags() & NetIpv6Route.RTF_LOCAL).isNotZero();
    assertThat(routes.routes().get(12).multicast()).isTrue();
    assertThat(routes.routes().get(15)).isEqualTo(new NetIpv6Route.Route("::", 0, "::", 0xffffffffL, 0x00200200, "lo"));
  }

  @ParameterizedTest
  @CsvSource({
      "00000000000000000000000000000000, ::",
      "00000000000000000000000000000001, ::1",
      "20010db804a100100000000000000000, 2001:db8:4a1:10::",
      "20010db804a100100000000000000015, 2001:db8:4a1:10::15",
      "fe800000000000003eeceffffe5a210e, fe80::3eec:efff:fe5a:210e",
      "20010db8000000010000000000000001, 2001:db8:0:1::1", // a single zero group stays
      "20010db8000000000001000000000001, 2001:db8::1:0:0:1", // the first of two equal runs is shortened
      "ff020000000000000000000000000001, ff02::1"})
  void printsAddressesAsRfc5952TextLikeGo(String hex, String text) {
    assertThat(NetIpv6Route.address(hex)).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "fe800000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000", // cut
      "fe80000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000"
          + " 00000100 00000001 00000000 00000001 eth0", // 31-digit destination
      "fe800000000000000000000000000000 4g 00000000000000000000000000000000 00 00000000000000000000000000000000"
          + " 00000100 00000001 00000000 00000001 eth0"}) // prefix length not hex
  void rejectsMalformedLinesNamingFileAndLine(String line) {
    assertThatThrownBy(() -> NetIpv6Route.parse(FILE, line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/ipv6_route:1: ");
  }

  @Test
  void parsesThisHostsRoutes() throws Exception {
    assumeThat(Files.isReadable(FILE)).as("a Linux /proc with IPv6").isTrue();
    assertThat(NetIpv6Route.read(new ProcFs(Path.of("/proc"))).routes())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.prefixLength()).isBetween(0, 128));
  }
}
