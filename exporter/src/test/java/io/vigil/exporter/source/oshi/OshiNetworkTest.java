package io.vigil.exporter.source.oshi;

import static io.vigil.exporter.source.oshi.OshiFakes.fake;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.NetClassDevice;
import io.vigil.exporter.source.NetDevStats;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import oshi.hardware.NetworkIF;
import oshi.hardware.NetworkIF.IfOperStatus;
import oshi.util.PlatformEnum;

class OshiNetworkTest {

  private static Map<String, Object> answers(String name) {
    Map<String, Object> a = new HashMap<>();
    a.put("getName", name);
    a.put("getDisplayName", name);
    a.put("getIfAlias", "");
    a.put("getIndex", 2);
    a.put("getMacaddr", "52:54:00:12:34:56");
    a.put("getMTU", 1500L);
    a.put("getSpeed", 1_000_000_000L);
    a.put("getIfOperStatus", IfOperStatus.UP);
    a.put("getBytesRecv", 1000L);
    a.put("getPacketsRecv", 10L);
    a.put("getInErrors", 1L);
    a.put("getInDrops", 2L);
    a.put("getBytesSent", 500L);
    a.put("getPacketsSent", 5L);
    a.put("getOutErrors", 3L);
    a.put("getCollisions", 4L);
    return a;
  }

  @Test
  void mapsCountersInProcNetDevOrderWithCollisions() {
    NetDevStats stats = OshiNetwork.netdev(fake(NetworkIF.class, answers("en0")), OshiPlatform.of(PlatformEnum.MACOS));
    assertThat(stats.device()).isEqualTo("en0");
    assertThat(stats.counters())
        .containsExactly(
            Map.entry("receive_bytes", 1000.0),
            Map.entry("receive_packets", 10.0),
            Map.entry("receive_errs", 1.0),
            Map.entry("receive_drop", 2.0),
            Map.entry("transmit_bytes", 500.0),
            Map.entry("transmit_packets", 5.0),
            Map.entry("transmit_errs", 3.0),
            Map.entry("transmit_colls", 4.0));
  }

  @Test
  void windowsCollisionsAreOutboundDiscardsSoTheyBecomeTransmitDrop() {
    NetDevStats stats =
        OshiNetwork.netdev(fake(NetworkIF.class, answers("ethernet_32768")), OshiPlatform.of(PlatformEnum.WINDOWS));
    assertThat(stats.counters()).containsEntry("transmit_drop", 4.0).doesNotContainKey("transmit_colls");
  }

  @Test
  void netclassUsesSysfsAttributeNamesAndUnits() {
    NetClassDevice dev = OshiNetwork.netclass(fake(NetworkIF.class, answers("en0")));
    assertThat(dev.device()).isEqualTo("en0");
    assertThat(dev.attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of(
            "address", "52:54:00:12:34:56",
            "carrier", "1",
            "ifindex", "2",
            "mtu", "1500",
            "operstate", "up",
            "speed", "1000"));
  }

  @Test
  void unknownSpeedMacAndAliasAreLeftOut() {
    Map<String, Object> a = answers("lo0");
    a.put("getSpeed", 0L);
    a.put("getMacaddr", "unknown");
    a.put("getIfOperStatus", IfOperStatus.UNKNOWN);
    NetClassDevice dev = OshiNetwork.netclass(fake(NetworkIF.class, a));
    assertThat(dev.attributes()).doesNotContainKeys("speed", "address", "ifalias", "carrier");
    assertThat(dev.attributes()).containsEntry("operstate", "unknown");
  }

  @Test
  void aliasPrefersTheInterfaceAliasThenAnInformativeDisplayName() {
    Map<String, Object> a = answers("ethernet_32768");
    a.put("getDisplayName", "Intel(R) Ethernet Connection I219-V");
    assertThat(OshiNetwork.netclass(fake(NetworkIF.class, a)).attributes())
        .containsEntry("ifalias", "Intel(R) Ethernet Connection I219-V");
    a.put("getIfAlias", "Ethernet");
    assertThat(OshiNetwork.netclass(fake(NetworkIF.class, a)).attributes()).containsEntry("ifalias", "Ethernet");
  }

  @Test
  void wifiSpeedIsTruncatedToWholeMegabits() {
    Map<String, Object> a = answers("en1");
    a.put("getSpeed", 866_700_000L);
    assertThat(OshiNetwork.netclass(fake(NetworkIF.class, a)).attributes()).containsEntry("speed", "866");
  }

  @ParameterizedTest
  @CsvSource({
    "UP, up, 1",
    "DOWN, down, 0",
    "LOWER_LAYER_DOWN, lowerlayerdown, 0",
    "DORMANT, dormant, 1",
    "TESTING, testing, ",
    "NOT_PRESENT, notpresent, ",
    "UNKNOWN, unknown, "
  })
  void operstateUsesTheKernelWordsAndCarrierFollowsIt(IfOperStatus status, String operstate, String carrier) {
    Map<String, Object> a = answers("eth0");
    a.put("getIfOperStatus", status);
    Map<String, String> attributes = OshiNetwork.netclass(fake(NetworkIF.class, a)).attributes();
    assertThat(attributes).containsEntry("operstate", operstate);
    assertThat(attributes.get("carrier")).isEqualTo(carrier);
  }
}
