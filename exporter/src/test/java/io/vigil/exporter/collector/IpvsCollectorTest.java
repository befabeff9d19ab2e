package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpvsCollectorTest {

  private static final Path LB = Fixtures.caseDir(IpvsCollectorTest.class, "keepalivedLoadBalancer");

  private static String scrape(Path proc) throws Exception {
    return MetricsText.of(new IpvsCollector(new ProcFs(proc)).collect());
  }

  @Test
  void reportsTotalsAndEveryRealServerOfTcpUdpV6AndFirewallMarkServices() throws Exception {
    String out = scrape(LB.resolve("proc"));
    ExpectedOutput.assertMatches(out, LB.resolve("expected.prom"));
    assertThat(out)
        .contains("node_ipvs_connections_total 3.7441012E7\n")
        .contains("node_ipvs_backend_weight{local_address=\"\",local_mark=\"00000065\",local_port=\"0\",proto=\"FWM\","
            + "remote_address=\"192.168.2.23\",remote_port=\"0\"} 10.0\n")
        .contains("local_address=\"2620::35\",local_mark=\"\",local_port=\"53\",proto=\"UDP\","
            + "remote_address=\"2620::a0:1\",remote_port=\"53\"} 12.0\n");
  }

  @Test
  void sumsRealServersThatShareAllLabels(@TempDir Path proc) throws Exception {
    Fixtures.copyTree(LB.resolve("proc"), proc);
    Files.writeString(proc.resolve("net/ip_vs"), """
        IP Virtual Server version 1.2.1 (size=4096)
        Prot LocalAddress:Port Scheduler Flags
          -> RemoteAddress:Port Forward Weight ActiveConn InActConn
        TCP  0A000001:0050 rr
          -> 0A000002:0050      Route   1      5          1
        TCP  0A000001:0050 rr
          -> 0A000002:0050      Route   2      7          3
        """);
    assertThat(scrape(proc))
        .contains("node_ipvs_backend_connections_active{local_address=\"10.0.0.1\",local_mark=\"\",local_port=\"80\","
            + "proto=\"TCP\",remote_address=\"10.0.0.2\",remote_port=\"80\"} 12.0\n")
        .contains("remote_port=\"80\"} 3.0\n");
  }

  @Test
  void failsWithNoDataWithoutTheIpVsModule() {
    assertThatThrownBy(new IpvsCollector(Fixtures.procFs())::collect).isInstanceOf(NoDataException.class);
  }

  @Test
  void failsOnTruncatedTotals(@TempDir Path proc) throws Exception {
    Fixtures.copyTree(LB.resolve("proc"), proc);
    Files.writeString(proc.resolve("net/ip_vs_stats"),
        "   Total Incoming Outgoing         Incoming         Outgoing\n   Conns  Packets  Packets            Bytes"
            + "            Bytes\n 23B4DF4 1BB1A35C 19F2");
    assertThatThrownBy(new IpvsCollector(new ProcFs(proc))::collect).isInstanceOf(MalformedFileException.class);
  }

  @Test
  void failsOnAMalformedRealServerAddress(@TempDir Path proc) throws Exception {
    Fixtures.copyTree(LB.resolve("proc"), proc);
    Files.writeString(proc.resolve("net/ip_vs"),
        "TCP  C0A80016:0050 wlc\n  -> C0A8021:0050      Masq    100    248        2\n");
    assertThatThrownBy(new IpvsCollector(new ProcFs(proc))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("C0A8021:0050");
  }

  @Test
  void failsWhenTheServiceTableIsMissingButTotalsAreThere(@TempDir Path proc) throws Exception {
    Fixtures.copyTree(LB.resolve("proc"), proc);
    Files.delete(proc.resolve("net/ip_vs"));
    assertThatThrownBy(new IpvsCollector(new ProcFs(proc))::collect)
        .isInstanceOf(NoSuchFileException.class)
        .isNotInstanceOf(NoDataException.class);
  }
}
