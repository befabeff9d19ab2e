package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.source.NetClassDevice;
import io.vigil.exporter.source.procfs.NetClassReader;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetclassCollectorTest {

  /** Collects from one of the sysfs variants that {@code NetClassReaderTest} reads too. */
  private static String collect(String fixtureCase) throws Exception {
    SysFs sys = new SysFs(Fixtures.root().resolve("NetClassReaderTest").resolve(fixtureCase).resolve("sys"));
    return MetricsText.of(new NetclassCollector(new NetClassReader(sys), DeviceFilter.ALL).collect());
  }

  @Test
  void exposesEveryPropertyOfEveryDeviceIncludingLoopback() throws Exception {
    NetclassCollector collector = new NetclassCollector(new NetClassReader(Fixtures.sysFs()), DeviceFilter.ALL);

    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_network_address_assign_type Network device property: address_assign_type
            # TYPE node_network_address_assign_type gauge
            node_network_address_assign_type{device="docker0"} 3.0
            node_network_address_assign_type{device="eth0"} 0.0
            node_network_address_assign_type{device="lo"} 0.0
            node_network_address_assign_type{device="vethc4a7e21"} 1.0
            # HELP node_network_carrier Network device property: carrier
            # TYPE node_network_carrier gauge
            node_network_carrier{device="docker0"} 1.0
            node_network_carrier{device="eth0"} 1.0
            node_network_carrier{device="lo"} 1.0
            node_network_carrier{device="vethc4a7e21"} 1.0
            # HELP node_network_carrier_changes_total Network device property: carrier_changes_total
            # TYPE node_network_carrier_changes_total counter
            node_network_carrier_changes_total{device="docker0"} 5.0
            node_network_carrier_changes_total{device="eth0"} 4.0
            node_network_carrier_changes_total{device="lo"} 0.0
            node_network_carrier_changes_total{device="vethc4a7e21"} 2.0
            # HELP node_network_carrier_down_changes_total Network device property: carrier_down_changes_total
            # TYPE node_network_carrier_down_changes_total counter
            node_network_carrier_down_changes_total{device="docker0"} 3.0
            node_network_carrier_down_changes_total{device="eth0"} 2.0
            node_network_carrier_down_changes_total{device="lo"} 0.0
            node_network_carrier_down_changes_total{device="vethc4a7e21"} 1.0
            # HELP node_network_carrier_up_changes_total Network device property: carrier_up_changes_total
            # TYPE node_network_carrier_up_changes_total counter
            node_network_carrier_up_changes_total{device="docker0"} 2.0
            node_network_carrier_up_changes_total{device="eth0"} 2.0
            node_network_carrier_up_changes_total{device="lo"} 0.0
            node_network_carrier_up_changes_total{device="vethc4a7e21"} 1.0
            # HELP node_network_device_id Network device property: device_id
            # TYPE node_network_device_id gauge
            node_network_device_id{device="docker0"} 0.0
            node_network_device_id{device="eth0"} 0.0
            node_network_device_id{device="lo"} 0.0
            node_network_device_id{device="vethc4a7e21"} 0.0
            # HELP node_network_dormant Network device property: dormant
            # TYPE node_network_dormant gauge
            node_network_dormant{device="docker0"} 0.0
            node_network_dormant{device="eth0"} 0.0
            node_network_dormant{device="lo"} 0.0
            node_network_dormant{device="vethc4a7e21"} 0.0
            # HELP node_network_flags Network device property: flags
            # TYPE node_network_flags gauge
            node_network_flags{device="docker0"} 4099.0
            node_network_flags{device="eth0"} 4099.0
            node_network_flags{device="lo"} 9.0
            node_network_flags{device="vethc4a7e21"} 4099.0
            # HELP node_network_iface_id Network device property: iface_id
            # TYPE node_network_iface_id gauge
            node_network_iface_id{device="docker0"} 3.0
            node_network_iface_id{device="eth0"} 2.0
            node_network_iface_id{device="lo"} 1.0
            node_network_iface_id{device="vethc4a7e21"} 7.0
            # HELP node_network_iface_link Network device property: iface_link
            # TYPE node_network_iface_link gauge
            node_network_iface_link{device="docker0"} 3.0
            node_network_iface_link{device="eth0"} 2.0
            node_network_iface_link{device="lo"} 1.0
            node_network_iface_link{device="vethc4a7e21"} 6.0
            # HELP node_network_iface_link_mode Network device property: iface_link_mode
            # TYPE node_network_iface_link_mode gauge
            node_network_iface_link_mode{device="docker0"} 0.0
            node_network_iface_link_mode{device="eth0"} 0.0
            node_network_iface_link_mode{device="lo"} 0.0
            node_network_iface_link_mode{device="vethc4a7e21"} 0.0
            # HELP node_network_info Non-numeric data from /sys/class/net/<iface>, value is always 1.
            # TYPE node_network_info gauge
            node_network_info{address="00:00:00:00:00:00",broadcast="00:00:00:00:00:00",device="lo",duplex="",ifalias="",operstate="unknown"} 1.0
            node_network_info{address="02:42:7d:3a:91:0c",broadcast="ff:ff:ff:ff:ff:ff",device="docker0",duplex="unknown",ifalias="",operstate="up"} 1.0
            node_network_info{address="18:66:da:5a:21:0e",broadcast="ff:ff:ff:ff:ff:ff",device="eth0",duplex="full",ifalias="uplink to sw1 port 12",operstate="up"} 1.0
            node_network_info{address="ba:5e:39:f0:6d:a2",broadcast="ff:ff:ff:ff:ff:ff",device="vethc4a7e21",duplex="full",ifalias="",operstate="up"} 1.0
            # HELP node_network_mtu_bytes Network device property: mtu_bytes
            # TYPE node_network_mtu_bytes gauge
            node_network_mtu_bytes{device="docker0"} 1500.0
            node_network_mtu_bytes{device="eth0"} 1500.0
            node_network_mtu_bytes{device="lo"} 65536.0
            node_network_mtu_bytes{device="vethc4a7e21"} 1500.0
            # HELP node_network_name_assign_type Network device property: name_assign_type
            # TYPE node_network_name_assign_type gauge
            node_network_name_assign_type{device="docker0"} 3.0
            node_network_name_assign_type{device="eth0"} 1.0
            node_network_name_assign_type{device="lo"} 2.0
            node_network_name_assign_type{device="vethc4a7e21"} 3.0
            # HELP node_network_net_dev_group Network device property: net_dev_group
            # TYPE node_network_net_dev_group gauge
            node_network_net_dev_group{device="docker0"} 0.0
            node_network_net_dev_group{device="eth0"} 0.0
            node_network_net_dev_group{device="lo"} 0.0
            node_network_net_dev_group{device="vethc4a7e21"} 0.0
            # HELP node_network_protocol_type Network device property: protocol_type
            # TYPE node_network_protocol_type gauge
            node_network_protocol_type{device="docker0"} 1.0
            node_network_protocol_type{device="eth0"} 1.0
            node_network_protocol_type{device="lo"} 772.0
            node_network_protocol_type{device="vethc4a7e21"} 1.0
            # HELP node_network_speed_bytes Network device property: speed_bytes
            # TYPE node_network_speed_bytes gauge
            node_network_speed_bytes{device="docker0"} 1.25E9
            node_network_speed_bytes{device="eth0"} 1.25E8
            node_network_speed_bytes{device="vethc4a7e21"} 1.25E9
            # HELP node_network_transmit_queue_length Network device property: transmit_queue_length
            # TYPE node_network_transmit_queue_length gauge
            node_network_transmit_queue_length{device="docker0"} 1000.0
            node_network_transmit_queue_length{device="eth0"} 1000.0
            node_network_transmit_queue_length{device="lo"} 1000.0
            node_network_transmit_queue_length{device="vethc4a7e21"} 1000.0
            # HELP node_network_up Value is 1 if operstate is 'up', 0 otherwise.
            # TYPE node_network_up gauge
            node_network_up{device="docker0"} 1.0
            node_network_up{device="eth0"} 1.0
            node_network_up{device="lo"} 0.0
            node_network_up{device="vethc4a7e21"} 1.0
            """);
  }

  @Test
  void leavesOutWhatAnAdminDownLinkRefusesAndKeepsAnUnknownSpeedAsNegative() throws Exception {
    String text = collect("down-link");

    assertThat(text)
        .contains(
            "node_network_up{device=\"enp3s0\"} 0.0",
            "node_network_info{address=\"a0:36:9f:11:0b:3c\",broadcast=\"ff:ff:ff:ff:ff:ff\",device=\"enp3s0\","
                + "duplex=\"\",ifalias=\"\",operstate=\"down\"} 1.0",
            "node_network_flags{device=\"enp3s0\"} 4098.0",
            "node_network_carrier{device=\"enp4s0\"} 0.0",
            "node_network_speed_bytes{device=\"enp4s0\"} -125000.0")
        .doesNotContain(
            "node_network_carrier{device=\"enp3s0\"}",
            "node_network_dormant{device=\"enp3s0\"}",
            "node_network_speed_bytes{device=\"enp3s0\"}");
  }

  @Test
  void reportsADormantWirelessLinkAsNotUpAndWithoutSpeed() throws Exception {
    String text = collect("wireless");

    assertThat(text)
        .contains(
            "node_network_up{device=\"wlp2s0\"} 0.0",
            "node_network_dormant{device=\"wlp2s0\"} 1.0",
            "node_network_iface_link_mode{device=\"wlp2s0\"} 1.0",
            "node_network_name_assign_type{device=\"wlp2s0\"} 4.0")
        .doesNotContain("node_network_speed_bytes");
  }

  @Test
  void exposesBondAndSlavesWithTheirMasterAndSlaveFlags() throws Exception {
    String text = collect("bond");

    assertThat(text)
        .contains(
            "node_network_flags{device=\"bond0\"} 5123.0",
            "node_network_flags{device=\"eth1\"} 6147.0",
            "node_network_speed_bytes{device=\"bond0\"} 2.5E9",
            "node_network_mtu_bytes{device=\"eth0\"} 9000.0")
        .doesNotContain("bonding_masters");
  }

  @Test
  void exposesBridgesAndTapsAsTheKernelReportsThem() throws Exception {
    String text = collect("bridges");

    assertThat(text)
        .contains(
            "node_network_up{device=\"br0\"} 1.0",
            "node_network_up{device=\"virbr0\"} 0.0",
            "node_network_up{device=\"vnet0\"} 0.0", // tap devices report operstate unknown
            "node_network_speed_bytes{device=\"virbr0\"} -125000.0",
            "node_network_speed_bytes{device=\"vnet0\"} 1250000.0");
  }

  @Test
  void leavesOutCarrierUpAndDownCountsOnKernelsBefore416() throws Exception {
    String text = collect("linux-4.4");

    assertThat(text)
        .contains("node_network_carrier_changes_total{device=\"eth0\"} 2.0")
        .doesNotContain("carrier_up_changes", "carrier_down_changes");
  }

  @Test
  void skipsIgnoredDevices() throws Exception {
    NetclassCollector collector =
        new NetclassCollector(new NetClassReader(Fixtures.sysFs()), DeviceFilter.excluding("^(lo|veth.*)$"));

    String text = MetricsText.of(collector.collect());

    assertThat(text).contains("device=\"eth0\"", "device=\"docker0\"").doesNotContain("device=\"lo\"", "veth");
  }

  @Test
  void exposesUpAndInfoEvenForADeviceWithOnlyAnOperstate() throws Exception {
    List<NetClassDevice> devices = List.of(new NetClassDevice("tun0", Map.of("operstate", "unknown")));

    assertThat(MetricsText.of(new NetclassCollector(() -> devices, DeviceFilter.ALL).collect()))
        .isEqualTo(
            """
            # HELP node_network_info Non-numeric data from /sys/class/net/<iface>, value is always 1.
            # TYPE node_network_info gauge
            node_network_info{address="",broadcast="",device="tun0",duplex="",ifalias="",operstate="unknown"} 1.0
            # HELP node_network_up Value is 1 if operstate is 'up', 0 otherwise.
            # TYPE node_network_up gauge
            node_network_up{device="tun0"} 0.0
            """);
  }

  @Test
  void exposesNothingWithoutDevices() throws Exception {
    assertThat(new NetclassCollector(List::of, DeviceFilter.ALL).collect()).isEmpty();
  }
}
