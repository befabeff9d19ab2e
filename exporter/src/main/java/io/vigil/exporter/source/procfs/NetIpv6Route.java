package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPv6 routing tables: {@code /proc/net/ipv6_route} (net/ipv6/route.c {@code ipv6_route_native_seq_show}). One
 * line per route of every table (main and local), space-separated: destination (32 hex digits), prefix length (hex),
 * source and its prefix length, next hop, metric, refcount, use, flags (all hex), device:
 * <pre>
 * 20010db804a100100000000000000000 40 0000...0000 00 0000...0000 00000100 00000001 00000000 00000001     eth0
 * </pre>
 * (the source and next hop shortened here; they have 32 digits too).
 *
 * @param routes the routes in file order
 */
public record NetIpv6Route(List<NetIpv6Route.Route> routes) {

  /** RTF_GATEWAY: the route goes through a next hop. */
  public static final int RTF_GATEWAY = 0x0002;
  /** RTF_REJECT: unreachable, prohibit or blackhole route. */
  public static final int RTF_REJECT = 0x0200;
  /** RTF_ANYCAST: an anycast address of this host (local table). */
  public static final int RTF_ANYCAST = 0x0010_0000;
  /** RTF_CACHE: a cached clone (older kernels list them). */
  public static final int RTF_CACHE = 0x0100_0000;
  /** RTF_LOCAL: an address of this host (local table). */
  public static final int RTF_LOCAL = 0x8000_0000;

  public NetIpv6Route {
    routes = List.copyOf(routes);
  }

  /**
   * One route.
   *
   * @param destination the destination prefix, RFC 5952 text ({@code 2001:db8:4a1:10::})
   * @param prefixLength its length in bits
   * @param nextHop the next hop, RFC 5952 text ({@code ::} without one)
   * @param metric the route's priority
   * @param flags RTF_* bits
   * @param device the output interface
   */
  public record Route(String destination, int prefixLength, String nextHop, long metric, int flags, String device) {

    public boolean hasGateway() {
      return (flags & RTF_GATEWAY) != 0;
    }

    /** A destination in ff00::/8. */
    public boolean multicast() {
      return destination.startsWith("ff") && prefixLength >= 8;
    }
  }

  /** Reads and parses {@code <procfs>/net/ipv6_route}. */
  public static NetIpv6Route read(ProcFs proc) throws IOException {
    return parse(proc.path("net", "ipv6_route"), proc.read("net", "ipv6_route"));
  }

  /**
   * Parses the table (it has no header).
   *
   * @throws MalformedFileException on a line without ten fields or with a field that does not parse
   */
  public static NetIpv6Route parse(Path path, String text) throws MalformedFileException {
    List<Route> routes = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      List<String> f = Tokens.fields(line);
      if (f.isEmpty()) {
        continue;
      }
      if (f.size() != 10) {
        throw new MalformedFileException(path, lineNo, line, "expected ten fields: destination, prefix length,"
            + " source, prefix length, next hop, metric, refcount, use, flags, device");
      }
      try {
        routes.add(new Route(address(f.get(0)), Integer.parseInt(f.get(1), 16), address(f.get(4)),
            Long.parseLong(f.get(5), 16), Integer.parseUnsignedInt(f.get(8), 16), f.get(9)));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "unparseable route: " + e.getMessage());
      }
    }
    return new NetIpv6Route(routes);
  }

  /** 32 hex digits to RFC 5952 text, as Go's {@code net.IP.String} prints it. */
  static String address(String hex) {
    if (hex.length() != 32) {
      throw new NumberFormatException("expected 32 hex digits: " + hex);
    }
    int[] groups = new int[8];
    for (int g = 0; g < 8; g++) {
      groups[g] = Integer.parseInt(hex.substring(4 * g, 4 * g + 4), 16);
    }
    // the longest run of two or more zero groups (the first of equal runs) becomes "::"
    int bestStart = -1;
    int bestLen = 1;
    for (int g = 0; g < 8; ) {
      if (groups[g] != 0) {
        g++;
        continue;
      }
      int end = g;
      while (end < 8 && groups[end] == 0) {
        end++;
      }
      if (end - g > bestLen) {
        bestStart = g;
        bestLen = end - g;
      }
      g = end;
    }
    StringBuilder s = new StringBuilder(39);
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        s.append("::");
        g += bestLen - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(groups[g]));
    }
    return s.toString();
  }
}
