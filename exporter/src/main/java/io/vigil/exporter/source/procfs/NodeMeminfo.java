package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Meminfo;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Memory of one NUMA node: {@code /sys/devices/system/node/node<N>/meminfo} (drivers/base/node.c
 * {@code node_read_meminfo}; Documentation/ABI/stable/sysfs-devices-node). The lines are {@code /proc/meminfo}'s
 * with a {@code "Node <N> "} prefix and a node-only {@code MemUsed}: {@code "Node 0 MemTotal:  8148320 kB"}.
 *
 * @param node the node number
 * @param meminfo the fields, kB converted to bytes and names spelled as node_exporter spells them
 */
public record NodeMeminfo(String node, Meminfo meminfo) {

  /** {@code <sysfs>/devices/system/node}; absent on kernels without CONFIG_NUMA. */
  public static Path nodesDirectory(SysFs sys) {
    return sys.path("devices", "system", "node");
  }

  /** The node numbers that have a {@code node<N>} directory, in numeric order. */
  public static List<String> nodes(SysFs sys) throws IOException {
    List<String> nodes = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(nodesDirectory(sys), "node*")) {
      for (Path p : dir) {
        String n = p.getFileName().toString().substring("node".length());
        if (!n.isEmpty() && n.chars().allMatch(Character::isDigit)) {
          nodes.add(n);
        }
      }
    }
    nodes.sort(Comparator.comparingInt(Integer::parseInt));
    return nodes;
  }

  /** Reads and parses {@code node<N>/meminfo}. */
  public static NodeMeminfo read(SysFs sys, String node) throws IOException {
    Path path = nodesDirectory(sys).resolve("node" + node).resolve("meminfo");
    return parse(path, node, ProcFs.readText(path));
  }

  /**
   * Parses one node's meminfo.
   *
   * @throws MalformedFileException on a line without the {@code "Node <node> "} prefix, or what {@link Meminfo#parse}
   *     rejects
   */
  public static NodeMeminfo parse(Path path, String node, String text) throws MalformedFileException {
    String prefix = "Node " + node + " ";
    StringBuilder plain = new StringBuilder(text.length());
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      if (!line.isBlank()) {
        if (!line.startsWith(prefix)) {
          throw new MalformedFileException(path, lineNo, line, "expected the prefix \"" + prefix + "\"");
        }
        plain.append(line, prefix.length(), line.length());
      }
      plain.append('\n'); // one output line per input line, so Meminfo's line numbers stay right
    }
    return new NodeMeminfo(node, Meminfo.parse(path, plain.toString()));
  }
}
