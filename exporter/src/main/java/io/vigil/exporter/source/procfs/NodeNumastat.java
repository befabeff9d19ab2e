package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * NUMA allocation counters of one node: {@code /sys/devices/system/node/node<N>/numastat} (drivers/base/node.c
 * {@code node_read_numastat}; Documentation/admin-guide/numastat.rst): {@code numa_hit}, {@code numa_miss},
 * {@code numa_foreign}, {@code interleave_hit}, {@code local_node}, {@code other_node}, counted in pages.
 *
 * @param node the node number
 * @param counters name to value, in file order
 */
public record NodeNumastat(String node, Map<String, Long> counters) {

  public NodeNumastat {
    counters = OrderedMaps.copyOf(counters);
  }

  /** Reads and parses {@code node<N>/numastat}. */
  public static NodeNumastat read(SysFs sys, String node) throws IOException {
    Path path = NodeMeminfo.nodesDirectory(sys).resolve("node" + node).resolve("numastat");
    return parse(path, node, ProcFs.readText(path));
  }

  /**
   * Parses {@code "numa_hit 91234567"} lines.
   *
   * @throws MalformedFileException on a line without exactly two fields or a non-integer value
   */
  public static NodeNumastat parse(Path path, String node, String text) throws MalformedFileException {
    Map<String, Long> counters = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      List<String> f = Tokens.fields(line);
      if (f.isEmpty()) {
        continue;
      }
      if (f.size() != 2) {
        throw new MalformedFileException(path, lineNo, line, "expected \"name value\"");
      }
      try {
        counters.put(f.get(0), Long.parseLong(f.get(1)));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "expected an integer value");
      }
    }
    return new NodeNumastat(node, counters);
  }
}
