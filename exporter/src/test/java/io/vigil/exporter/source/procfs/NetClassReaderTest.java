package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.NetClassDevice;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetClassReaderTest {

  private static List<NetClassDevice> read(String fixtureCase) throws Exception {
    return new NetClassReader(new SysFs(Fixtures.caseDir(NetClassReaderTest.class, fixtureCase).resolve("sys"))).read();
  }

  private static NetClassDevice device(List<NetClassDevice> devices, String name) {
    return devices.stream().filter(d -> d.device().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void readsEveryDeviceOfTheCanonicalHostSortedByName() throws Exception {
    List<NetClassDevice> devices = new NetClassReader(Fixtures.sysFs()).read();

    assertThat(devices).extracting(NetClassDevice::device).containsExactly("docker0", "eth0", "lo", "vethc4a7e21");
    assertThat(device(devices, "eth0").attributes())
        .containsExactly(
            Map.entry("addr_assign_type", "0"),
            Map.entry("address", "18:66:da:5a:21:0e"),
            Map.entry("broadcast", "ff:ff:ff:ff:ff:ff"),
            Map.entry("carrier", "1"),
            Map.entry("carrier_changes", "4"),
            Map.entry("carrier_down_count", "2"),
            Map.entry("carrier_up_count", "2"),
            Map.entry("dev_id", "0x0"),
            Map.entry("dormant", "0"),
            Map.entry("duplex", "full"),
            Map.entry("flags", "0x1003"),
            Map.entry("ifalias", "uplink to sw1 port 12"),
            Map.entry("ifindex", "2"),
            Map.entry("iflink", "2"),
            Map.entry("link_mode", "0"),
            Map.entry("mtu", "1500"),
            Map.entry("name_assign_type", "1"),
            Map.entry("netdev_group", "0"),
            Map.entry("operstate", "up"),
            Map.entry("speed", "1000"),
            Map.entry("tx_queue_len", "1000"),
            Map.entry("type", "1"));
  }

  @Test
  void leavesOutWhatLoopbackCannotReport() throws Exception {
    NetClassDevice lo = device(new NetClassReader(Fixtures.sysFs()).read(), "lo");

    assertThat(lo.attributes()).doesNotContainKeys("duplex", "speed").containsEntry("ifalias", "");
    assertThat(lo.attribute("operstate")).contains("unknown");
  }

  @Test
  void skipsBondingMastersBesideTheBondAndItsSlaves() throws Exception {
    List<NetClassDevice> devices = read("bond");

    assertThat(devices).extracting(NetClassDevice::device).containsExactly("bond0", "eth0", "eth1");
    assertThat(device(devices, "bond0").integer("flags")).contains(0x1403L); // IFF_MASTER
    assertThat(device(devices, "eth1").integer("flags")).contains(0x1803L); // IFF_SLAVE
    assertThat(device(devices, "bond0").integer("speed")).contains(20000L);
  }

  @Test
  void readsAnUnknownBridgeSpeedAsMinusOne() throws Exception {
    List<NetClassDevice> devices = read("bridges");

    assertThat(devices).extracting(NetClassDevice::device).containsExactly("br0", "virbr0", "vnet0");
    assertThat(device(devices, "virbr0").attributes())
        .containsEntry("speed", "-1").containsEntry("carrier", "0").containsEntry("operstate", "down");
    assertThat(device(devices, "vnet0").integer("speed")).contains(10L);
  }

  @Test
  void leavesOutAttributesTheKernelRefusesOnADownLink() throws Exception {
    List<NetClassDevice> devices = read("down-link");

    // Admin-down: carrier, dormant, duplex and speed answer EINVAL, which the fixture shows as missing files.
    assertThat(device(devices, "enp3s0").attributes())
        .doesNotContainKeys("carrier", "dormant", "duplex", "speed")
        .containsEntry("operstate", "down")
        .containsEntry("flags", "0x1002");
    // Up without a cable: readable, but no carrier and no known speed.
    assertThat(device(devices, "enp4s0").attributes())
        .containsEntry("carrier", "0")
        .containsEntry("speed", "-1")
        .containsEntry("duplex", "unknown");
  }

  @Test
  void readsAWirelessInterfaceWithoutLinkSettings() throws Exception {
    NetClassDevice wlan = device(read("wireless"), "wlp2s0");

    assertThat(wlan.attributes())
        .doesNotContainKeys("speed", "duplex")
        .containsEntry("operstate", "dormant")
        .containsEntry("dormant", "1")
        .containsEntry("link_mode", "1");
  }

  @Test
  void readsAnOldKernelWithoutCarrierUpAndDownCounts() throws Exception {
    NetClassDevice eth0 = device(read("linux-4.4"), "eth0");

    assertThat(eth0.attributes())
        .doesNotContainKeys("carrier_up_count", "carrier_down_count")
        .containsEntry("carrier_changes", "2");
  }

  @Test
  void skipsADeviceWhoseDirectoryHasNoAttributesLeft(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("class/net/veth0dead"));
    Files.createDirectories(root.resolve("class/net/eth0"));
    Files.writeString(root.resolve("class/net/eth0/operstate"), "up\n");

    List<NetClassDevice> devices = new NetClassReader(new SysFs(root)).read();

    assertThat(devices).containsExactly(new NetClassDevice("eth0", Map.of("operstate", "up")));
  }

  @Test
  void failsWhenClassNetIsMissing(@TempDir Path root) {
    assertThatThrownBy(() -> new NetClassReader(new SysFs(root)).read()).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void readsEveryInterfaceOfThisHost() throws Exception {
    Path classNet = Path.of("/sys/class/net");
    assumeThat(Files.isDirectory(classNet)).as("a Linux host with sysfs").isTrue();
    List<String> expected;
    try (Stream<Path> entries = Files.list(classNet)) {
      expected = entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    }

    List<NetClassDevice> devices = new NetClassReader(new SysFs(Path.of("/sys"))).read();

    assertThat(devices).extracting(NetClassDevice::device).containsExactlyElementsOf(expected);
    assertThat(devices).allSatisfy(d -> {
      assertThat(d.integer("ifindex")).as(d.device()).isPresent();
      assertThat(d.integer("mtu")).as(d.device()).isPresent();
      assertThat(d.attribute("operstate")).as(d.device())
          .hasValueSatisfying(s -> assertThat(s).isIn("up", "down", "unknown", "dormant", "lowerlayerdown",
              "notpresent", "testing"));
    });
  }
}
