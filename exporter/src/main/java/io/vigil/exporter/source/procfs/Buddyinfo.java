package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Free memory fragmentation: {@code /proc/buddyinfo} (mm/vmstat.c {@code frag_show}; see
 * Documentation/filesystems/proc.rst). One line per NUMA node and zone with the number of free blocks of each order
 * (order n is 2^n pages): {@code "Node 0, zone   Normal   9873   6524 ..."}. Every line has the same number of
 * orders (MAX_ORDER, usually 11).
 *
 * @param zones the lines in file order
 */
public record Buddyinfo(List<Buddyinfo.Zone> zones) {

  public Buddyinfo {
    zones = List.copyOf(zones);
  }

  /**
   * One node and zone.
   *
   * @param node the NUMA node number as printed
   * @param zone {@code DMA}, {@code DMA32}, {@code Normal}, {@code HighMem}, {@code Movable}, ...
   * @param freeBlocks free blocks per order, from order 0
   */
  public record Zone(String node, String zone, List<Long> freeBlocks) {
    public Zone {
      freeBlocks = List.copyOf(freeBlocks);
    }
  }

  /** Reads and parses {@code <procfs>/buddyinfo}. */
  public static Buddyinfo read(ProcFs proc) throws IOException {
    return parse(proc.path("buddyinfo"), proc.read("buddyinfo"));
  }

  /**
   * Parses the file.
   *
   * @throws MalformedFileException on a line that is not {@code "Node <n>, zone <name> <counts>"}, a count that is
   *     not an integer, or lines with different numbers of orders
   */
  public static Buddyinfo parse(Path path, String text) throws MalformedFileException {
    List<Zone> zones = new ArrayList<>();
    int lineNo = 0;
    int orders = -1;
    for (String line : text.lines().toList()) {
      lineNo++;
      List<String> f = Tokens.fields(line);
      if (f.isEmpty()) {
        continue;
      }
      if (f.size() < 5 || !f.get(0).equals("Node") || !f.get(1).endsWith(",") || !f.get(2).equals("zone")) {
        throw new MalformedFileException(path, lineNo, line, "expected \"Node <n>, zone <name> <free blocks>...\"");
      }
      List<Long> counts = new ArrayList<>(f.size() - 4);
      for (String c : f.subList(4, f.size())) {
        try {
          counts.add(Long.parseLong(c));
        } catch (NumberFormatException e) {
          throw new MalformedFileException(path, lineNo, line, "not a count: " + c);
        }
      }
      if (orders >= 0 && counts.size() != orders) {
        throw new MalformedFileException(
            path, lineNo, line, "expected " + orders + " orders as on the first line, found " + counts.size());
      }
      orders = counts.size();
      String node = f.get(1).substring(0, f.get(1).length() - 1);
      zones.add(new Zone(node, f.get(3), counts));
    }
    return new Buddyinfo(zones);
  }
}
