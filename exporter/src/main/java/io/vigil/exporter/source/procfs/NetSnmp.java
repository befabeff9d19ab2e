package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import io.vigil.exporter.source.TextFields;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Protocol counters of the SNMP MIBs and Linux's MIB extensions: {@code /proc/net/snmp} (Ip, Icmp, IcmpMsg, Tcp,
 * Udp, UdpLite), {@code /proc/net/netstat} (TcpExt, IpExt, MPTcpExt; same layout) and {@code /proc/net/snmp6} (Ip6,
 * Icmp6, Udp6, UdpLite6; its own layout). Kernel documentation: Documentation/networking/snmp_counter.rst; the
 * field names come from RFC 1213/4293 and net/ipv4/proc.c.
 *
 * @param protocols by protocol name ({@code Tcp}, {@code TcpExt}, {@code Icmp6}), then by field name
 *     ({@code InSegs}), in file order; values as printed (integers, some signed: {@code Tcp MaxConn -1})
 */
public record NetSnmp(Map<String, Map<String, Double>> protocols) {

  public NetSnmp {
    LinkedHashMap<String, Map<String, Double>> copy = new LinkedHashMap<>();
    protocols.forEach((name, fields) -> copy.put(name, OrderedMaps.copyOf(fields)));
    protocols = OrderedMaps.adopt(copy);
  }

  /** Reads {@code <proc>/net/netstat} or {@code <proc>/net/snmp}, which must exist. */
  public static NetSnmp read(ProcFs proc, String file) throws IOException {
    Path path = proc.path("net", file);
    return parse(path, ProcFs.readText(path));
  }

  /** Reads {@code <proc>/net/snmp6}; empty when it does not exist (IPv6 disabled with {@code ipv6.disable=1}). */
  public static Optional<NetSnmp> readSnmp6(ProcFs proc) throws IOException {
    Path path = proc.path("net", "snmp6");
    String text;
    try {
      text = ProcFs.readText(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(parseSnmp6(path, text));
  }

  /**
   * Parses the paired-line layout of {@code /proc/net/snmp} and {@code /proc/net/netstat}: a header line
   * {@code Tcp: RtoAlgorithm RtoMin ...} followed by a value line {@code Tcp: 1 200 ...} with as many fields.
   *
   * @param path the file, for error messages
   * @throws MalformedFileException on a header without its value line, a protocol mismatch between the two lines, a
   *     different field count, or a value that is not an integer
   */
  public static NetSnmp parse(Path path, String text) throws MalformedFileException {
    Map<String, Map<String, Double>> protocols = new LinkedHashMap<>();
    String[] lines = Tokens.split(text, '\n');
    int i = 0;
    while (i < lines.length) {
      if (lines[i].isBlank()) {
        i++;
        continue;
      }
      String headerLine = lines[i];
      List<String> names = TextFields.split(headerLine);
      if (!names.get(0).endsWith(":") || names.get(0).length() < 2) {
        throw new MalformedFileException(path, i + 1, headerLine, "expected \"<Protocol>: <Field> ...\"");
      }
      if (i + 1 >= lines.length) {
        throw new MalformedFileException(path, i + 1, headerLine, "header line without its value line");
      }
      String valueLine = lines[i + 1];
      List<String> values = TextFields.split(valueLine);
      if (values.isEmpty() || !values.get(0).equals(names.get(0))) {
        throw new MalformedFileException(path, i + 2, valueLine, "expected the values of " + names.get(0));
      }
      if (values.size() != names.size()) {
        throw new MalformedFileException(
            path, i + 2, valueLine, (names.size() - 1) + " fields in the header, " + (values.size() - 1) + " values");
      }
      LinkedHashMap<String, Double> fields = new LinkedHashMap<>();
      for (int f = 1; f < names.size(); f++) {
        fields.put(names.get(f), parseValue(path, i + 2, valueLine, values.get(f)));
      }
      String protocol = names.get(0).substring(0, names.get(0).length() - 1);
      protocols.put(protocol, OrderedMaps.adopt(fields));
      i += 2;
    }
    return new NetSnmp(protocols);
  }

  /**
   * Parses {@code /proc/net/snmp6}: one {@code <Protocol6><Field> <value>} per line ({@code Ip6InOctets 1234},
   * {@code Icmp6InType133 2}); the protocol is the name up to and including its first {@code 6}. Lines with fewer than
   * two fields or no {@code 6} in the name are skipped, as node_exporter does.
   *
   * @param path the file, for error messages
   * @throws MalformedFileException on a value that is not an integer
   */
  public static NetSnmp parseSnmp6(Path path, String text) throws MalformedFileException {
    Map<String, Map<String, Double>> protocols = new LinkedHashMap<>();
    String[] lines = Tokens.split(text, '\n');
    for (int i = 0; i < lines.length; i++) {
      List<String> fields = TextFields.split(lines[i]);
      if (fields.size() < 2) {
        continue;
      }
      String name = fields.get(0);
      int six = name.indexOf('6');
      if (six < 0) {
        continue;
      }
      protocols
          .computeIfAbsent(name.substring(0, six + 1), p -> new LinkedHashMap<>())
          .put(name.substring(six + 1), parseValue(path, i + 1, lines[i], fields.get(1)));
    }
    return new NetSnmp(protocols);
  }

  /** Kernel counters are printed as signed or unsigned 64-bit decimals. */
  private static double parseValue(Path path, int lineNo, String line, String value) throws MalformedFileException {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException notSigned) {
      try {
        long raw = Long.parseUnsignedLong(value);
        return (raw >>> 1) * 2.0 + (raw & 1);
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "not an integer: " + value);
      }
    }
  }
}
