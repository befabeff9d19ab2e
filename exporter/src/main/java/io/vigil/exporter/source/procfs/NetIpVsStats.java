package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.nio.file.Path;
import java.util.List;

/**
 * IPVS totals since the module loaded: {@code /proc/net/ip_vs_stats} (net/netfilter/ipvs/ip_vs_ctl.c,
 * {@code ip_vs_stats_show}). Two header lines, then one line of five hexadecimal totals (connections, incoming and
 * outgoing packets, incoming and outgoing bytes), then the per-second rates, which are not kept.
 */
public record NetIpVsStats(
    long connections, long incomingPackets, long outgoingPackets, long incomingBytes, long outgoingBytes) {

  /** Parses the file, whose third line must hold exactly five hexadecimal numbers. */
  public static NetIpVsStats parse(Path path, String text) throws MalformedFileException {
    String[] lines = text.split("\n", 4);
    if (lines.length != 4) {
      throw new MalformedFileException(path, lines.length, lines[lines.length - 1], "too short");
    }
    List<String> f = Tokens.fields(lines[2]);
    if (f.size() != 5) {
      throw new MalformedFileException(path, 3, lines[2], "expected 5 fields, got " + f.size());
    }
    long[] v = new long[5];
    for (int i = 0; i < 5; i++) {
      String s = f.get(i);
      try {
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
          throw new NumberFormatException(s);
        }
        v[i] = Long.parseUnsignedLong(s, 16);
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, 3, lines[2], "expected hexadecimal, got " + s);
      }
    }
    return new NetIpVsStats(v[0], v[1], v[2], v[3], v[4]);
  }
}
