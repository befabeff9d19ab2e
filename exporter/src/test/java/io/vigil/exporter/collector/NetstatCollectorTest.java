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
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetstatCollectorTest {

  @Test
  void exposesTheDefaultFieldsOfNetstatSnmpAndSnmp6AsUntyped() throws Exception {
    NetstatCollector collector = new NetstatCollector(Fixtures.procFs());

    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_netstat_Icmp6_InErrors Statistic Icmp6InErrors.
            # TYPE node_netstat_Icmp6_InErrors untyped
            node_netstat_Icmp6_InErrors 2.0
            # HELP node_netstat_Icmp6_InMsgs Statistic Icmp6InMsgs.
            # TYPE node_netstat_Icmp6_InMsgs untyped
            node_netstat_Icmp6_InMsgs 88120.0
            # HELP node_netstat_Icmp6_OutMsgs Statistic Icmp6OutMsgs.
            # TYPE node_netstat_Icmp6_OutMsgs untyped
            node_netstat_Icmp6_OutMsgs 9011.0
            # HELP node_netstat_Icmp_InErrors Statistic IcmpInErrors.
            # TYPE node_netstat_Icmp_InErrors untyped
            node_netstat_Icmp_InErrors 44.0
            # HELP node_netstat_Icmp_InMsgs Statistic IcmpInMsgs.
            # TYPE node_netstat_Icmp_InMsgs untyped
            node_netstat_Icmp_InMsgs 8312.0
            # HELP node_netstat_Icmp_OutMsgs Statistic IcmpOutMsgs.
            # TYPE node_netstat_Icmp_OutMsgs untyped
            node_netstat_Icmp_OutMsgs 8590.0
            # HELP node_netstat_Ip6_InOctets Statistic Ip6InOctets.
            # TYPE node_netstat_Ip6_InOctets untyped
            node_netstat_Ip6_InOctets 1.822133419E9
            # HELP node_netstat_Ip6_OutOctets Statistic Ip6OutOctets.
            # TYPE node_netstat_Ip6_OutOctets untyped
            node_netstat_Ip6_OutOctets 6.11203577E8
            # HELP node_netstat_IpExt_InOctets Statistic IpExtInOctets.
            # TYPE node_netstat_IpExt_InOctets untyped
            node_netstat_IpExt_InOctets 1.01284118231E11
            # HELP node_netstat_IpExt_OutOctets Statistic IpExtOutOctets.
            # TYPE node_netstat_IpExt_OutOctets untyped
            node_netstat_IpExt_OutOctets 5.1730211867E10
            # HELP node_netstat_Ip_Forwarding Statistic IpForwarding.
            # TYPE node_netstat_Ip_Forwarding untyped
            node_netstat_Ip_Forwarding 1.0
            # HELP node_netstat_TcpExt_ListenDrops Statistic TcpExtListenDrops.
            # TYPE node_netstat_TcpExt_ListenDrops untyped
            node_netstat_TcpExt_ListenDrops 31.0
            # HELP node_netstat_TcpExt_ListenOverflows Statistic TcpExtListenOverflows.
            # TYPE node_netstat_TcpExt_ListenOverflows untyped
            node_netstat_TcpExt_ListenOverflows 27.0
            # HELP node_netstat_TcpExt_SyncookiesFailed Statistic TcpExtSyncookiesFailed.
            # TYPE node_netstat_TcpExt_SyncookiesFailed untyped
            node_netstat_TcpExt_SyncookiesFailed 3.0
            # HELP node_netstat_TcpExt_SyncookiesRecv Statistic TcpExtSyncookiesRecv.
            # TYPE node_netstat_TcpExt_SyncookiesRecv untyped
            node_netstat_TcpExt_SyncookiesRecv 9.0
            # HELP node_netstat_TcpExt_SyncookiesSent Statistic TcpExtSyncookiesSent.
            # TYPE node_netstat_TcpExt_SyncookiesSent untyped
            node_netstat_TcpExt_SyncookiesSent 12.0
            # HELP node_netstat_TcpExt_TCPSynRetrans Statistic TcpExtTCPSynRetrans.
            # TYPE node_netstat_TcpExt_TCPSynRetrans untyped
            node_netstat_TcpExt_TCPSynRetrans 142.0
            # HELP node_netstat_TcpExt_TCPTimeouts Statistic TcpExtTCPTimeouts.
            # TYPE node_netstat_TcpExt_TCPTimeouts untyped
            node_netstat_TcpExt_TCPTimeouts 388.0
            # HELP node_netstat_Tcp_ActiveOpens Statistic TcpActiveOpens.
            # TYPE node_netstat_Tcp_ActiveOpens untyped
            node_netstat_Tcp_ActiveOpens 712334.0
            # HELP node_netstat_Tcp_CurrEstab Statistic TcpCurrEstab.
            # TYPE node_netstat_Tcp_CurrEstab untyped
            node_netstat_Tcp_CurrEstab 57.0
            # HELP node_netstat_Tcp_InErrs Statistic TcpInErrs.
            # TYPE node_netstat_Tcp_InErrs untyped
            node_netstat_Tcp_InErrs 12.0
            # HELP node_netstat_Tcp_InSegs Statistic TcpInSegs.
            # TYPE node_netstat_Tcp_InSegs untyped
            node_netstat_Tcp_InSegs 8.0132455E7
            # HELP node_netstat_Tcp_OutRsts Statistic TcpOutRsts.
            # TYPE node_netstat_Tcp_OutRsts untyped
            node_netstat_Tcp_OutRsts 40122.0
            # HELP node_netstat_Tcp_OutSegs Statistic TcpOutSegs.
            # TYPE node_netstat_Tcp_OutSegs untyped
            node_netstat_Tcp_OutSegs 4.6120933E7
            # HELP node_netstat_Tcp_PassiveOpens Statistic TcpPassiveOpens.
            # TYPE node_netstat_Tcp_PassiveOpens untyped
            node_netstat_Tcp_PassiveOpens 388120.0
            # HELP node_netstat_Tcp_RetransSegs Statistic TcpRetransSegs.
            # TYPE node_netstat_Tcp_RetransSegs untyped
            node_netstat_Tcp_RetransSegs 23411.0
            # HELP node_netstat_Udp6_InDatagrams Statistic Udp6InDatagrams.
            # TYPE node_netstat_Udp6_InDatagrams untyped
            node_netstat_Udp6_InDatagrams 120455.0
            # HELP node_netstat_Udp6_InErrors Statistic Udp6InErrors.
            # TYPE node_netstat_Udp6_InErrors untyped
            node_netstat_Udp6_InErrors 0.0
            # HELP node_netstat_Udp6_NoPorts Statistic Udp6NoPorts.
            # TYPE node_netstat_Udp6_NoPorts untyped
            node_netstat_Udp6_NoPorts 14.0
            # HELP node_netstat_Udp6_OutDatagrams Statistic Udp6OutDatagrams.
            # TYPE node_netstat_Udp6_OutDatagrams untyped
            node_netstat_Udp6_OutDatagrams 118230.0
            # HELP node_netstat_Udp6_RcvbufErrors Statistic Udp6RcvbufErrors.
            # TYPE node_netstat_Udp6_RcvbufErrors untyped
            node_netstat_Udp6_RcvbufErrors 0.0
            # HELP node_netstat_Udp6_SndbufErrors Statistic Udp6SndbufErrors.
            # TYPE node_netstat_Udp6_SndbufErrors untyped
            node_netstat_Udp6_SndbufErrors 0.0
            # HELP node_netstat_UdpLite6_InErrors Statistic UdpLite6InErrors.
            # TYPE node_netstat_UdpLite6_InErrors untyped
            node_netstat_UdpLite6_InErrors 0.0
            # HELP node_netstat_UdpLite_InErrors Statistic UdpLiteInErrors.
            # TYPE node_netstat_UdpLite_InErrors untyped
            node_netstat_UdpLite_InErrors 0.0
            # HELP node_netstat_Udp_InDatagrams Statistic UdpInDatagrams.
            # TYPE node_netstat_Udp_InDatagrams untyped
            node_netstat_Udp_InDatagrams 3912004.0
            # HELP node_netstat_Udp_InErrors Statistic UdpInErrors.
            # TYPE node_netstat_Udp_InErrors untyped
            node_netstat_Udp_InErrors 17.0
            # HELP node_netstat_Udp_NoPorts Statistic UdpNoPorts.
            # TYPE node_netstat_Udp_NoPorts untyped
            node_netstat_Udp_NoPorts 2233.0
            # HELP node_netstat_Udp_OutDatagrams Statistic UdpOutDatagrams.
            # TYPE node_netstat_Udp_OutDatagrams untyped
            node_netstat_Udp_OutDatagrams 2766120.0
            # HELP node_netstat_Udp_RcvbufErrors Statistic UdpRcvbufErrors.
            # TYPE node_netstat_Udp_RcvbufErrors untyped
            node_netstat_Udp_RcvbufErrors 17.0
            # HELP node_netstat_Udp_SndbufErrors Statistic UdpSndbufErrors.
            # TYPE node_netstat_Udp_SndbufErrors untyped
            node_netstat_Udp_SndbufErrors 0.0
            """);
  }

  @Test
  void exposesNoIpv6FamiliesOnAnOldKernelWithIpv6Disabled() throws Exception {
    ProcFs proc = new ProcFs(Fixtures.caseDir(NetstatCollectorTest.class, "linux-3.10-ipv6-disabled").resolve("proc"));

    assertThat(MetricsText.of(new NetstatCollector(proc).collect()))
        .isEqualTo(
            """
            # HELP node_netstat_Icmp_InErrors Statistic IcmpInErrors.
            # TYPE node_netstat_Icmp_InErrors untyped
            node_netstat_Icmp_InErrors 2.0
            # HELP node_netstat_Icmp_InMsgs Statistic IcmpInMsgs.
            # TYPE node_netstat_Icmp_InMsgs untyped
            node_netstat_Icmp_InMsgs 310.0
            # HELP node_netstat_Icmp_OutMsgs Statistic IcmpOutMsgs.
            # TYPE node_netstat_Icmp_OutMsgs untyped
            node_netstat_Icmp_OutMsgs 318.0
            # HELP node_netstat_IpExt_InOctets Statistic IpExtInOctets.
            # TYPE node_netstat_IpExt_InOctets untyped
            node_netstat_IpExt_InOctets 3.0311204511E10
            # HELP node_netstat_IpExt_OutOctets Statistic IpExtOutOctets.
            # TYPE node_netstat_IpExt_OutOctets untyped
            node_netstat_IpExt_OutOctets 1.2200311876E10
            # HELP node_netstat_Ip_Forwarding Statistic IpForwarding.
            # TYPE node_netstat_Ip_Forwarding untyped
            node_netstat_Ip_Forwarding 2.0
            # HELP node_netstat_TcpExt_ListenDrops Statistic TcpExtListenDrops.
            # TYPE node_netstat_TcpExt_ListenDrops untyped
            node_netstat_TcpExt_ListenDrops 1402.0
            # HELP node_netstat_TcpExt_ListenOverflows Statistic TcpExtListenOverflows.
            # TYPE node_netstat_TcpExt_ListenOverflows untyped
            node_netstat_TcpExt_ListenOverflows 1402.0
            # HELP node_netstat_TcpExt_SyncookiesFailed Statistic TcpExtSyncookiesFailed.
            # TYPE node_netstat_TcpExt_SyncookiesFailed untyped
            node_netstat_TcpExt_SyncookiesFailed 0.0
            # HELP node_netstat_TcpExt_SyncookiesRecv Statistic TcpExtSyncookiesRecv.
            # TYPE node_netstat_TcpExt_SyncookiesRecv untyped
            node_netstat_TcpExt_SyncookiesRecv 0.0
            # HELP node_netstat_TcpExt_SyncookiesSent Statistic TcpExtSyncookiesSent.
            # TYPE node_netstat_TcpExt_SyncookiesSent untyped
            node_netstat_TcpExt_SyncookiesSent 0.0
            # HELP node_netstat_TcpExt_TCPSynRetrans Statistic TcpExtTCPSynRetrans.
            # TYPE node_netstat_TcpExt_TCPSynRetrans untyped
            node_netstat_TcpExt_TCPSynRetrans 640.0
            # HELP node_netstat_TcpExt_TCPTimeouts Statistic TcpExtTCPTimeouts.
            # TYPE node_netstat_TcpExt_TCPTimeouts untyped
            node_netstat_TcpExt_TCPTimeouts 1290.0
            # HELP node_netstat_Tcp_ActiveOpens Statistic TcpActiveOpens.
            # TYPE node_netstat_Tcp_ActiveOpens untyped
            node_netstat_Tcp_ActiveOpens 120334.0
            # HELP node_netstat_Tcp_CurrEstab Statistic TcpCurrEstab.
            # TYPE node_netstat_Tcp_CurrEstab untyped
            node_netstat_Tcp_CurrEstab 31.0
            # HELP node_netstat_Tcp_InErrs Statistic TcpInErrs.
            # TYPE node_netstat_Tcp_InErrs untyped
            node_netstat_Tcp_InErrs 3.0
            # HELP node_netstat_Tcp_InSegs Statistic TcpInSegs.
            # TYPE node_netstat_Tcp_InSegs untyped
            node_netstat_Tcp_InSegs 2.4901223E7
            # HELP node_netstat_Tcp_OutRsts Statistic TcpOutRsts.
            # TYPE node_netstat_Tcp_OutRsts untyped
            node_netstat_Tcp_OutRsts 6610.0
            # HELP node_netstat_Tcp_OutSegs Statistic TcpOutSegs.
            # TYPE node_netstat_Tcp_OutSegs untyped
            node_netstat_Tcp_OutSegs 1.9201334E7
            # HELP node_netstat_Tcp_PassiveOpens Statistic TcpPassiveOpens.
            # TYPE node_netstat_Tcp_PassiveOpens untyped
            node_netstat_Tcp_PassiveOpens 90122.0
            # HELP node_netstat_Tcp_RetransSegs Statistic TcpRetransSegs.
            # TYPE node_netstat_Tcp_RetransSegs untyped
            node_netstat_Tcp_RetransSegs 8812.0
            # HELP node_netstat_UdpLite_InErrors Statistic UdpLiteInErrors.
            # TYPE node_netstat_UdpLite_InErrors untyped
            node_netstat_UdpLite_InErrors 0.0
            # HELP node_netstat_Udp_InDatagrams Statistic UdpInDatagrams.
            # TYPE node_netstat_Udp_InDatagrams untyped
            node_netstat_Udp_InDatagrams 210331.0
            # HELP node_netstat_Udp_InErrors Statistic UdpInErrors.
            # TYPE node_netstat_Udp_InErrors untyped
            node_netstat_Udp_InErrors 0.0
            # HELP node_netstat_Udp_NoPorts Statistic UdpNoPorts.
            # TYPE node_netstat_Udp_NoPorts untyped
            node_netstat_Udp_NoPorts 301.0
            # HELP node_netstat_Udp_OutDatagrams Statistic UdpOutDatagrams.
            # TYPE node_netstat_Udp_OutDatagrams untyped
            node_netstat_Udp_OutDatagrams 211201.0
            # HELP node_netstat_Udp_RcvbufErrors Statistic UdpRcvbufErrors.
            # TYPE node_netstat_Udp_RcvbufErrors untyped
            node_netstat_Udp_RcvbufErrors 0.0
            # HELP node_netstat_Udp_SndbufErrors Statistic UdpSndbufErrors.
            # TYPE node_netstat_Udp_SndbufErrors untyped
            node_netstat_Udp_SndbufErrors 0.0
            """);
  }

  @Test
  void exposesWhatACustomFieldPatternSelects() throws Exception {
    NetstatCollector collector =
        new NetstatCollector(Fixtures.procFs(), Pattern.compile("^(Tcp_MaxConn|IcmpMsg_InType3|MPTcpExt_MPTCPRetrans)$"));

    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_netstat_IcmpMsg_InType3 Statistic IcmpMsgInType3.
            # TYPE node_netstat_IcmpMsg_InType3 untyped
            node_netstat_IcmpMsg_InType3 7001.0
            # HELP node_netstat_MPTcpExt_MPTCPRetrans Statistic MPTcpExtMPTCPRetrans.
            # TYPE node_netstat_MPTcpExt_MPTCPRetrans untyped
            node_netstat_MPTcpExt_MPTCPRetrans 0.0
            # HELP node_netstat_Tcp_MaxConn Statistic TcpMaxConn.
            # TYPE node_netstat_Tcp_MaxConn untyped
            node_netstat_Tcp_MaxConn -1.0
            """);
  }

  @Test
  void failsWhenNetstatIsMissing(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.copy(Fixtures.procFs().path("net", "snmp"), proc.resolve("net/snmp"));

    assertThatThrownBy(() -> new NetstatCollector(new ProcFs(proc)).collect())
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void failsOnAValueThatIsNoNumberEvenInAFieldItWouldNotExpose(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.copy(Fixtures.procFs().path("net", "netstat"), proc.resolve("net/netstat"));
    Files.writeString(proc.resolve("net/snmp"), "Tcp: RtoAlgorithm InSegs\nTcp: one 5\n");

    assertThatThrownBy(() -> new NetstatCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("snmp:2");
  }
}
