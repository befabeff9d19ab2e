package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkRouteCollectorTest {

  @BeforeAll
  static void fixturesAreLittleEndian() {
    assumeThat(ByteOrder.nativeOrder()).as("fixtures printed by a little-endian kernel")
        .isEqualTo(ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void exposesUnicastRoutesOfBothFamiliesAndCountsThemPerDevice() throws Exception {
    assertThat(MetricsText.of(new NetworkRouteCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_network_route_info network routing table information
            # TYPE node_network_route_info gauge
            node_network_route_info{dest="10.20.0.0/24",device="eth0",gw="",priority="0",proto="",src="",weight=""} 1.0
            node_network_route_info{dest="172.17.0.0/16",device="docker0",gw="",priority="0",proto="",src="",weight=""} 1.0
            node_network_route_info{dest="2001:db8:4a1:10::/64",device="eth0",gw="",priority="256",proto="",src="",weight=""} 1.0
            node_network_route_info{dest="default",device="eth0",gw="10.20.0.1",priority="0",proto="",src="",weight=""} 1.0
            node_network_route_info{dest="default",device="eth0",gw="2001:db8:4a1:10::1",priority="1024",proto="",src="",weight=""} 1.0
            node_network_route_info{dest="fe80::/64",device="docker0",gw="",priority="256",proto="",src="",weight=""} 1.0
            node_network_route_info{dest="fe80::/64",device="eth0",gw="",priority="256",proto="",src="",weight=""} 1.0
            node_network_route_info{dest="fe80::/64",device="vethc4a7e21",gw="",priority="256",proto="",src="",weight=""} 1.0
            # HELP node_network_routes network routes by interface
            # TYPE node_network_routes gauge
            node_network_routes{device="docker0"} 2.0
            node_network_routes{device="eth0"} 5.0
            node_network_routes{device="vethc4a7e21"} 1.0
            """);
  }

  @Test
  void leavesOutRejectRoutesAndReadsIpv4AloneWhenIpv6IsDisabled() throws Exception {
    ProcFs proc = new ProcFs(Fixtures.caseDir(NetworkRouteCollectorTest.class, "ipv6-disabled").resolve("proc"));

    assertThat(MetricsText.of(new NetworkRouteCollector(proc).collect()))
        .isEqualTo(
            """
            # HELP node_network_route_info network routing table information
            # TYPE node_network_route_info gauge
            node_network_route_info{dest="10.10.10.10/32",device="ens3",gw="192.168.1.1",priority="0",proto="",src="",weight=""} 1.0
            node_network_route_info{dest="192.168.1.0/24",device="ens3",gw="",priority="100",proto="",src="",weight=""} 1.0
            node_network_route_info{dest="default",device="ens3",gw="192.168.1.1",priority="100",proto="",src="",weight=""} 1.0
            # HELP node_network_routes network routes by interface
            # TYPE node_network_routes gauge
            node_network_routes{device="ens3"} 3.0
            """);
  }

  @Test
  void exposesARouteListedInTwoIpv6TablesOnce(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("net/route"), "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\n");
    String route = "20010db8000000000000000000000000 30 00000000000000000000000000000000 00"
        + " 00000000000000000000000000000000 00000400 00000001 00000000 00000001     eth1\n";
    Files.writeString(proc.resolve("net/ipv6_route"), route + route); // main table and a policy-routing table

    assertThat(MetricsText.of(new NetworkRouteCollector(new ProcFs(proc)).collect()))
        .contains("node_network_routes{device=\"eth1\"} 1.0")
        .containsOnlyOnce("dest=\"2001:db8::/48\"");
  }

  @Test
  void failsWithoutTheIpv4Table(@TempDir Path proc) {
    assertThatThrownBy(() -> new NetworkRouteCollector(new ProcFs(proc)).collect())
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void failsOnATruncatedIpv6Route(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.copy(Fixtures.procFs().path("net", "route"), proc.resolve("net/route"));
    Files.writeString(proc.resolve("net/ipv6_route"), "fe800000000000000000000000000000 40 0000\n");

    assertThatThrownBy(() -> new NetworkRouteCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("ipv6_route:1: ");
  }
}
