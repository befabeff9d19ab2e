package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv4 main routing table: {@code /proc/net/route} (net/ipv4/fib_trie.c {@code fib_route_seq_show}; see
 * route(8)). A header, then one tab-separated line per route: interface, destination, gateway, flags, refcount, use,
 * metric, mask, MTU, window, IRTT. Addresses and masks are 32-bit hex in host byte order of the network-order address
 * ({@code 0100140A} is 10.20.0.1 on little-endian machines); flags are RTF_* bits. Other tables (policy routing)
 * and the local table are not listed here, and a multipath route shows its first next hop only.
 *
 * @param routes the routes in file order
 */
public record NetRoute(List<NetRoute.Route> routes) {

  /** RTF_GATEWAY: the route goes through a gateway. */
  public static final int RTF_GATEWAY = 0x0002;
  /** RTF_REJECT: unreachable or prohibit route. */
  public static final int RTF_REJECT = 0x0200;

  public NetRoute {
    routes = List.copyOf(routes);
  }

  /**
   * One route.
   *
   * @param device the output interface ({@code *} for a route without one)
   * @param destination the destination network, dotted
   * @param prefixLength bits set in the mask
   * @param gateway the gateway, dotted ({@code 0.0.0.0} without one)
   * @param flags RTF_* bits
   * @param metric the route's priority
   */
  public record Route(String device, String destination, int prefixLength, String gateway, int flags, long metric) {

    public boolean hasGateway() {
      return (flags & RTF_GATEWAY) != 0;
    }
  }

  /** Reads and parses {@code <procfs>/net/route}. */
  public static NetRoute read(ProcFs proc) throws IOException {
    return parse(proc.path("net", "route"), proc.read("net", "route"));
  }

  /**
   * Parses the table; the first line is the header.
   *
   * @throws MalformedFileException on a line with fewer than eight fields, or an address, flag, metric or mask that
   *     does not parse
   */
  public static NetRoute parse(Path path, String text) throws MalformedFileException {
    List<String> lines = text.lines().toList();
    List<Route> routes = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      List<String> f = Tokens.fields(line);
      if (f.isEmpty()) {
        continue;
      }
      if (f.size() < 8) {
        throw new MalformedFileException(path, i + 1, line, "expected Iface, Destination, Gateway, Flags, RefCnt,"
            + " Use, Metric, Mask, ...");
      }
      try {
        long mask = parseAddress(f.get(7));
        routes.add(new Route(f.get(0), dotted(parseAddress(f.get(1))), Long.bitCount(mask),
            dotted(parseAddress(f.get(2))), Integer.parseInt(f.get(3), 16), Long.parseLong(f.get(6))));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, i + 1, line, "unparseable route: " + e.getMessage());
      }
    }
    return new NetRoute(routes);
  }

  private static long parseAddress(String hex) {
    if (hex.length() != 8) {
      throw new NumberFormatException("expected 8 hex digits: " + hex);
    }
    return Long.parseLong(hex, 16);
  }

  /** The kernel prints the network-order bytes as a host-order integer: on little-endian the low byte comes first. */
  static String dotted(long printed) {
    boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
    StringBuilder s = new StringBuilder(15);
    for (int i = 0; i < 4; i++) {
      int shift = little ? 8 * i : 8 * (3 - i);
      if (i > 0) {
        s.append('.');
      }
      s.append((printed >> shift) & 0xff);
    }
    return s.toString();
  }
}
