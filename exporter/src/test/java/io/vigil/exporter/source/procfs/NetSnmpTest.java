package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetSnmpTest {

  private static final Path SNMP = Path.of("/proc/net/snmp");
  private static final Path SNMP6 = Path.of("/proc/net/snmp6");

  @Test
  void parsesSnmpProtocolsInFileOrderWithSignedValues() throws Exception {
    NetSnmp snmp = NetSnmp.read(Fixtures.procFs(), "snmp");

    assertThat(snmp.protocols()).containsOnlyKeys("Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite");
    assertThat(snmp.protocols().keySet()).first().isEqualTo("Ip");
    assertThat(snmp.protocols().get("Tcp"))
        .containsEntry("MaxConn", -1.0)
        .containsEntry("InSegs", 80132455.0)
        .containsEntry("CurrEstab", 57.0);
    assertThat(snmp.protocols().get("Ip")).containsEntry("Forwarding", 1.0).hasSize(20);
  }

  @Test
  void parsesNetstatWhichSharesTheLayout() throws Exception {
    NetSnmp netstat = NetSnmp.read(Fixtures.procFs(), "netstat");

    assertThat(netstat.protocols()).containsOnlyKeys("TcpExt", "IpExt", "MPTcpExt");
    assertThat(netstat.protocols().get("TcpExt"))
        .containsEntry("ListenOverflows", 27.0)
        .containsEntry("TCPTimeouts", 388.0);
    assertThat(netstat.protocols().get("IpExt")).containsEntry("InOctets", 101284118231.0);
  }

  @Test
  void parsesSnmp6SplittingTheProtocolAtItsSix() throws Exception {
    NetSnmp snmp6 = NetSnmp.readSnmp6(Fixtures.procFs()).orElseThrow();

    assertThat(snmp6.protocols()).containsOnlyKeys("Ip6", "Icmp6", "Udp6", "UdpLite6");
    assertThat(snmp6.protocols().get("Icmp6"))
        .containsEntry("InMsgs", 88120.0)
        .containsEntry("InType134", 7433.0);
    assertThat(snmp6.protocols().get("UdpLite6")).containsEntry("InErrors", 0.0);
  }

  @Test
  void skipsSnmp6LinesWithoutAValueOrASix() throws Exception {
    NetSnmp snmp6 = NetSnmp.parseSnmp6(SNMP6, "Ip6InReceives 5\n\nOddLine\nTcpInSegs 7\nUdp6NoPorts\t2\n");

    assertThat(snmp6.protocols())
        .containsExactly(Map.entry("Ip6", Map.of("InReceives", 5.0)), Map.entry("Udp6", Map.of("NoPorts", 2.0)));
  }

  @Test
  void keepsCountersAboveTheSignedRange() throws Exception {
    NetSnmp snmp = NetSnmp.parse(SNMP, "IpExt: InOctets\nIpExt: 18446744073709551615\n");

    assertThat(snmp.protocols().get("IpExt").get("InOctets")).isEqualTo(1.8446744073709552E19);
  }

  @Test
  void readsEmptyFilesAsNoProtocols() throws Exception {
    assertThat(NetSnmp.parse(SNMP, "").protocols()).isEmpty();
    assertThat(NetSnmp.parseSnmp6(SNMP6, "").protocols()).isEmpty();
  }

  @Test
  void treatsAMissingSnmp6AsIpv6Disabled(@TempDir Path proc) throws Exception {
    assertThat(NetSnmp.readSnmp6(new ProcFs(proc))).isEmpty();
    assertThatThrownBy(() -> NetSnmp.read(new ProcFs(proc), "snmp")).isInstanceOf(NoSuchFileException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Tcp: ActiveOpens PassiveOpens\nTcp: 1\n", // fewer values than names
        "Tcp: ActiveOpens\nTcp: 1 2\n", // more values than names
        "Tcp: ActiveOpens\n", // header without its value line (truncated file)
        "Tcp: ActiveOpens\nUdp: 1\n", // value line of another protocol
        "Tcp: ActiveOpens\nTcp: many\n", // not a number
        "Tcp ActiveOpens\nTcp 1\n" // no colon
      })
  void rejectsMalformedPairsNamingTheFile(String text) {
    assertThatThrownBy(() -> NetSnmp.parse(SNMP, "Ip: Forwarding\nIp: 1\n" + text))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/snmp:");
  }

  @Test
  void rejectsANonNumericSnmp6Value() {
    assertThatThrownBy(() -> NetSnmp.parseSnmp6(SNMP6, "Ip6InReceives 5\nIp6InDelivers x\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/net/snmp6:2: ");
  }

  @Test
  void parsesThisHostsFiles() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/net/snmp"))).as("a Linux host").isTrue();
    ProcFs proc = new ProcFs(Path.of("/proc"));

    assertThat(NetSnmp.read(proc, "snmp").protocols()).containsKeys("Ip", "Icmp", "Tcp", "Udp");
    assertThat(NetSnmp.read(proc, "netstat").protocols()).containsKeys("TcpExt", "IpExt");
    if (Files.exists(Path.of("/proc/net/snmp6"))) {
      assertThat(NetSnmp.readSnmp6(proc).orElseThrow().protocols()).containsKeys("Ip6", "Icmp6", "Udp6");
    }
    assertThat(NetSnmp.read(proc, "snmp").protocols().get("Ip").get("Forwarding")).isIn(1.0, 2.0);
  }
}
