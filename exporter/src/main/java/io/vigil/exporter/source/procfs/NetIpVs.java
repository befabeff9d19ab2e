package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The IPVS virtual services and their real servers: {@code /proc/net/ip_vs} (net/netfilter/ipvs/ip_vs_ctl.c,
 * {@code ip_vs_info_seq_show}). A service line is {@code TCP  C0A80016:0050 wlc} (hex IPv4 and port),
 * {@code UDP  [2620:0000:...:0035]:0035 rr} (IPv6) or {@code FWM  00000065 wlc} (firewall mark); each following
 * {@code  -> C0A80217:0050  Masq  100  248  2} line is one real server with weight, active and inactive connections.
 *
 * @param backends one entry per real server line, in file order
 */
public record NetIpVs(List<Backend> backends) {

  /**
   * One virtual/real server pair.
   *
   * @param localAddress the virtual address as Go prints it ({@code 192.168.0.22}, {@code 2620::35}); empty for FWM
   * @param localPort the virtual port, 0 for FWM
   * @param localMark the firewall mark as printed ({@code 00000065}); empty for TCP/UDP services
   * @param proto {@code TCP}, {@code UDP} or {@code FWM}
   * @param remoteAddress the real server address
   * @param remotePort the real server port
   * @param weight the scheduler weight
   * @param activeConnections {@code ActiveConn}
   * @param inactiveConnections {@code InActConn}
   */
  public record Backend(
      String localAddress, int localPort, String localMark, String proto, String remoteAddress, int remotePort,
      long weight, long activeConnections, long inactiveConnections) {}

  /** Parses the file; header lines and real server lines with fewer than six fields are skipped. */
  public static NetIpVs parse(Path path, String text) throws MalformedFileException {
    List<Backend> backends = new ArrayList<>();
    String proto = "";
    String mark = "";
    String localAddress = "";
    int localPort = 0;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      List<String> f = Tokens.fields(line);
      if (f.size() < 2 || f.get(0).equals("IP") || f.get(0).equals("Prot") || f.get(1).equals("RemoteAddress:Port")) {
        continue;
      }
      switch (f.get(0)) {
        case "TCP", "UDP" -> {
          proto = f.get(0);
          mark = "";
          Endpoint local = endpoint(path, i + 1, line, f.get(1));
          localAddress = local.address;
          localPort = local.port;
        }
        case "FWM" -> {
          proto = "FWM";
          mark = f.get(1);
          localAddress = "";
          localPort = 0;
        }
        case "->" -> {
          if (f.size() < 6) {
            continue;
          }
          Endpoint remote = endpoint(path, i + 1, line, f.get(1));
          backends.add(new Backend(localAddress, localPort, mark, proto, remote.address, remote.port,
              decimal(path, i + 1, line, f.get(3)), decimal(path, i + 1, line, f.get(4)),
              decimal(path, i + 1, line, f.get(5))));
        }
        default -> { } // a protocol this parser does not know (SCTP): node_exporter skips it too
      }
    }
    return new NetIpVs(List.copyOf(backends));
  }

  private record Endpoint(String address, int port) {}

  /** {@code C0A80016:0050} (13 characters) or {@code [2620:0000:...:0001]:0035} (46), as the kernel prints them. */
  private static Endpoint endpoint(Path path, int lineNo, String line, String s) throws MalformedFileException {
    String address;
    if (s.length() == 13 && s.charAt(8) == ':') {
      long v = hex(path, lineNo, line, s.substring(0, 8));
      address = ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    } else if (s.length() == 46 && s.charAt(0) == '[' && s.charAt(40) == ']' && s.charAt(41) == ':') {
      int[] groups = new int[8];
      String[] parts = s.substring(1, 40).split(":", -1);
      if (parts.length != 8) {
        throw new MalformedFileException(path, lineNo, line, "invalid IPv6 address " + s);
      }
      for (int g = 0; g < 8; g++) {
        groups[g] = (int) hex(path, lineNo, line, parts[g]);
      }
      address = goIpv6(groups);
    } else {
      throw new MalformedFileException(path, lineNo, line, "unexpected IP:Port " + s);
    }
    return new Endpoint(address, (int) hex(path, lineNo, line, s.substring(s.length() - 4)));
  }

  /**
   * Go's {@code net.IP.String} for a 16-byte address: IPv4-mapped as dotted quad, otherwise lower-case groups with
   * the first longest run of two or more zero groups as {@code ::}.
   */
  static String goIpv6(int[] g) {
    if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
      return (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + "." + (g[7] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        b.append("::");
        i += bestLen - 1;
        continue;
      }
      if (b.length() > 0 && b.charAt(b.length() - 1) != ':') {
        b.append(':');
      }
      b.append(Integer.toHexString(g[i]));
    }
    return b.toString();
  }

  private static long hex(Path path, int lineNo, String line, String s) throws MalformedFileException {
    try {
      if (s.isEmpty() || s.charAt(0) == '+' || s.charAt(0) == '-') {
        throw new NumberFormatException(s);
      }
      return Long.parseLong(s, 16);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, lineNo, line, "expected hexadecimal, got " + s);
    }
  }

  private static long decimal(Path path, int lineNo, String line, String s) throws MalformedFileException {
    try {
      return Uint64.parse(s);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, lineNo, line, "expected a count, got " + s);
    }
  }
}
