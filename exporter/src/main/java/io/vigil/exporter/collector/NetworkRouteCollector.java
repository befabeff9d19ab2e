package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetIpv6Route;
import io.vigil.exporter.source.procfs.NetRoute;
import io.vigil.exporter.source.procfs.ProcFs;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * node_exporter's {@code network_route} collector (Linux only, off by default): one info series per unicast route and
 * the number of routes per interface.
 *
 * <pre>
 * node_network_route_info{dest="default",device="eth0",gw="10.20.0.1",priority="0",proto="",src="",weight=""} 1
 * node_network_routes{device="eth0"} 4
 * </pre>
 *
 * <p>node_exporter 1.5 lists the routes over rtnetlink; this reads {@code /proc/net/route} and
 * {@code /proc/net/ipv6_route}, which cannot say everything netlink does:
 * <ul>
 *   <li>{@code src} (the preferred source address) and {@code proto} (who added the route: kernel, boot, dhcp, ...)
 *       are not in those files and are left empty rather than guessed;
 *   <li>IPv4 routes come from the main table only, and a multipath route shows its first next hop only (so
 *       {@code weight} is always empty);
 *   <li>non-unicast routes are left out as node_exporter leaves them out: reject routes, and for IPv6 the local
 *       table's host and anycast addresses and ff00::/8.
 * </ul>
 *
 * <p>Thread safety: stateless.
 */
public final class NetworkRouteCollector implements Collector {

  public static final String NAME = "network_route";

  /** IPv6 routes that are not unicast routes of the main or another table. */
  private static final int NOT_UNICAST = NetIpv6Route.RTF_REJECT | NetIpv6Route.RTF_LOCAL | NetIpv6Route.RTF_ANYCAST
      | NetIpv6Route.RTF_CACHE;

  private final ProcFs proc;

  public NetworkRouteCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    GaugeSnapshot.Builder info =
        GaugeSnapshot.builder().name("node_network_route_info").help("network routing table information");
    Map<String, Long> perDevice = new TreeMap<>();
    Set<List<String>> seen = new HashSet<>();
    for (NetRoute.Route r : NetRoute.read(proc).routes()) {
      if ((r.flags() & NetRoute.RTF_REJECT) != 0) {
        continue;
      }
      String dest = r.prefixLength() == 0 ? "default" : r.destination() + "/" + r.prefixLength();
      add(info, perDevice, seen, r.device(), dest, r.hasGateway() ? r.gateway() : "", r.metric());
    }
    for (NetIpv6Route.Route r : ipv6Routes()) {
      if ((r.flags() & NOT_UNICAST) != 0 || r.multicast()) {
        continue;
      }
      String dest = r.prefixLength() == 0 ? "default" : r.destination() + "/" + r.prefixLength();
      add(info, perDevice, seen, r.device(), dest, r.hasGateway() ? r.nextHop() : "", r.metric());
    }
    if (perDevice.isEmpty()) {
      return List.of();
    }
    GaugeSnapshot.Builder routes =
        GaugeSnapshot.builder().name("node_network_routes").help("network routes by interface");
    perDevice.forEach((device, count) -> routes.dataPoint(Families.gaugePoint(count, "device", device)));
    return List.of(info.build(), routes.build());
  }

  private List<NetIpv6Route.Route> ipv6Routes() throws IOException {
    try {
      return NetIpv6Route.read(proc).routes();
    } catch (NoSuchFileException e) {
      return List.of(); // IPv6 disabled in this kernel
    }
  }

  /** One info series per distinct label set: the same prefix in two IPv6 tables looks the same here. */
  private static void add(GaugeSnapshot.Builder info, Map<String, Long> perDevice, Set<List<String>> seen,
      String device, String dest, String gw, long metric) {
    if (!seen.add(List.of(device, dest, gw, Long.toString(metric)))) {
      return;
    }
    info.dataPoint(Families.gaugePoint(1, "device", device, "src", "", "dest", dest, "gw", gw,
        "priority", Long.toString(metric), "proto", "", "weight", ""));
    perDevice.merge(device, 1L, Long::sum);
  }
}
