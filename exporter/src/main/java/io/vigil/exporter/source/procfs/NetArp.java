package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The IPv4 neighbour (ARP) table: {@code /proc/net/arp} (printed by net/ipv4/arp.c {@code arp_seq_show}; see
 * arp(7)). A header line, then one line per entry:
 * {@code "10.20.0.1        0x1         0x2         00:1c:73:a4:0e:01     *        eth0"}. Incomplete entries (flags
 * {@code 0x0}, address all zeros) are listed too.
 *
 * @param entries the table in file order
 */
public record NetArp(List<NetArp.Entry> entries) {

  public NetArp {
    entries = List.copyOf(entries);
  }

  /**
   * One neighbour.
   *
   * @param ipAddress the IPv4 address as printed
   * @param hwType ARP hardware type ({@code 0x1} is Ethernet)
   * @param flags ATF_* flags ({@code 0x2} complete, {@code 0x4} permanent, {@code 0x0} incomplete)
   * @param hwAddress the link-layer address as printed
   * @param device the interface
   */
  public record Entry(String ipAddress, String hwType, String flags, String hwAddress, String device) {}

  /** Reads and parses {@code <procfs>/net/arp}. */
  public static NetArp read(ProcFs proc) throws IOException {
    return parse(proc.path("net", "arp"), proc.read("net", "arp"));
  }

  /**
   * Parses the table; the header is recognised by its {@code IP address} start.
   *
   * @throws MalformedFileException on an entry line without exactly six fields
   */
  public static NetArp parse(Path path, String text) throws MalformedFileException {
    List<Entry> entries = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      if (line.isBlank() || line.startsWith("IP address")) {
        continue;
      }
      List<String> f = Tokens.fields(line);
      if (f.size() != 6) {
        throw new MalformedFileException(
            path, lineNo, line, "expected six fields: IP address, HW type, flags, HW address, mask, device");
      }
      entries.add(new Entry(f.get(0), f.get(1), f.get(2), f.get(3), f.get(5)));
    }
    return new NetArp(entries);
  }

  /** How many entries each interface has, sorted by interface name. */
  public Map<String, Long> entriesByDevice() {
    Map<String, Long> counts = new TreeMap<>();
    for (Entry e : entries) {
      counts.merge(e.device(), 1L, Long::sum);
    }
    return counts;
  }
}
