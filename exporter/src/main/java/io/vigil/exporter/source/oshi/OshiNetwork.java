package io.vigil.exporter.source.oshi;

import io.vigil.exporter.source.NetClassDevice;
import io.vigil.exporter.source.NetDevStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import oshi.hardware.NetworkIF;
import oshi.hardware.NetworkIF.IfOperStatus;

/**
 * Network interfaces (loopback included, as in {@code /proc/net/dev}) from OSHI's {@link NetworkIF}s.
 *
 * <p>netdev: bytes, packets, errors and drops received; bytes, packets and errors sent; collisions. OSHI has no
 * outbound drop counter, except that on Windows its "collisions" are discarded outbound packets (Windows counts no
 * collisions), so there they become {@code transmit_drop} and {@code transmit_colls} is absent. FIFO, frame,
 * compressed, multicast and carrier counters have no OSHI counterpart.
 *
 * <p>netclass: sysfs-style attributes where OSHI knows them: {@code operstate} (sysfs words), {@code mtu},
 * {@code speed} (Mbit/s, absent when OSHI reads 0, as for virtio), {@code address}, {@code ifindex},
 * {@code ifalias} (the interface alias, or OSHI's display name when that says more than the device name: the
 * adapter's description on Windows) and {@code carrier} (derived from the operational state).
 *
 * <p>Thread safety: the device list locks itself.
 */
final class OshiNetwork {

  private final DeviceList<NetworkIF> interfaces;
  private final OshiPlatform platform;

  OshiNetwork(DeviceList<NetworkIF> interfaces, OshiPlatform platform) {
    this.interfaces = interfaces;
    this.platform = platform;
  }

  List<NetDevStats> netdev() {
    return interfaces.read(n -> netdev(n, platform));
  }

  List<NetClassDevice> netclass() {
    return interfaces.read(OshiNetwork::netclass);
  }

  /** One interface's counters, in {@code /proc/net/dev} column order. */
  static NetDevStats netdev(NetworkIF n, OshiPlatform platform) {
    Map<String, Double> c = new LinkedHashMap<>();
    c.put("receive_bytes", (double) n.getBytesRecv());
    c.put("receive_packets", (double) n.getPacketsRecv());
    c.put("receive_errs", (double) n.getInErrors());
    c.put("receive_drop", (double) n.getInDrops());
    c.put("transmit_bytes", (double) n.getBytesSent());
    c.put("transmit_packets", (double) n.getPacketsSent());
    c.put("transmit_errs", (double) n.getOutErrors());
    if (platform.collisionsAreTransmitDrops()) {
      c.put("transmit_drop", (double) n.getCollisions());
    } else {
      c.put("transmit_colls", (double) n.getCollisions());
    }
    return new NetDevStats(n.getName(), c);
  }

  static NetClassDevice netclass(NetworkIF n) {
    Map<String, String> a = new LinkedHashMap<>();
    String address = OshiDisks.known(n.getMacaddr());
    if (!address.isEmpty()) {
      a.put("address", address);
    }
    IfOperStatus status = n.getIfOperStatus();
    switch (status) {
      case UP, DORMANT -> a.put("carrier", "1"); // the link layer is up; dormant waits above it (802.1X, ...)
      case DOWN, LOWER_LAYER_DOWN -> a.put("carrier", "0");
      default -> { } // unknown, testing, not present: carrier cannot be derived
    }
    String alias = alias(n);
    if (!alias.isEmpty()) {
      a.put("ifalias", alias);
    }
    if (n.getIndex() > 0) {
      a.put("ifindex", Integer.toString(n.getIndex()));
    }
    if (n.getMTU() > 0) {
      a.put("mtu", Long.toString(n.getMTU()));
    }
    a.put("operstate", operstate(status));
    long speedMbit = n.getSpeed() / 1_000_000L;
    if (speedMbit > 0) {
      a.put("speed", Long.toString(speedMbit));
    }
    return new NetClassDevice(n.getName(), a);
  }

  /** The kernel's operstate words (Documentation/networking/operstates.rst) for OSHI's RFC 2863 states. */
  static String operstate(IfOperStatus status) {
    return switch (status) {
      case UP -> "up";
      case DOWN -> "down";
      case TESTING -> "testing";
      case DORMANT -> "dormant";
      case NOT_PRESENT -> "notpresent";
      case LOWER_LAYER_DOWN -> "lowerlayerdown";
      case UNKNOWN -> "unknown";
    };
  }

  private static String alias(NetworkIF n) {
    String alias = OshiDisks.known(n.getIfAlias());
    if (!alias.isEmpty()) {
      return alias;
    }
    String display = OshiDisks.known(n.getDisplayName());
    return display.equals(n.getName()) ? "" : display;
  }
}
