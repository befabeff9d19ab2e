package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.TextFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * NFS client RPC statistics: {@code /proc/net/rpc/nfs} (net/sunrpc/stats.c {@code rpc_proc_show}; nfsstat(8)
 * prints the same counters). Exists while the nfs client module is loaded.
 *
 * <pre>
 * net 0 0 0 0
 * rpc 321333 4 321333
 * proc3 22 0 0 ...
 * proc4 69 1 18234 214553 ...
 * </pre>
 *
 * <p>A {@code procN} line starts with its number of procedures; that count is kept as printed (older kernels print
 * fewer NFSv4 procedures, newer ones more). A line the kernel did not print (no {@code proc2} without the nfsv2
 * module) is absent, not zero.
 *
 * @param network the {@code net} line (packet counts; always 0 on a client, the server side fills them)
 * @param rpc the {@code rpc} line
 * @param v2 NFSv2 procedure counts in kernel order (NULL, GETATTR, ...); empty without a {@code proc2} line
 * @param v3 NFSv3 procedure counts; empty without a {@code proc3} line
 * @param v4 NFSv4 client procedure counts (NULL, READ, WRITE, ...); empty without a {@code proc4} line
 */
public record NetRpcNfs(
    Optional<Network> network, Optional<Rpc> rpc, List<Long> v2, List<Long> v3, List<Long> v4) {

  public NetRpcNfs {
    v2 = List.copyOf(v2);
    v3 = List.copyOf(v3);
    v4 = List.copyOf(v4);
  }

  /** The {@code net} line: all packets, UDP packets, TCP packets, TCP connections. */
  public record Network(long packets, long udpPackets, long tcpPackets, long tcpConnections) {}

  /** The client {@code rpc} line: calls, retransmissions, credential refreshes. */
  public record Rpc(long calls, long retransmissions, long authRefreshes) {}

  /** Reads and parses {@code <procfs>/net/rpc/nfs}. */
  public static NetRpcNfs read(ProcFs proc) throws IOException {
    Path path = proc.path("net", "rpc", "nfs");
    return parse(path, ProcFs.readText(path));
  }

  /**
   * Parses the file. Lines the kernel may add later are ignored.
   *
   * @throws MalformedFileException on a line without a value, a value that is not an unsigned integer, a
   *     {@code net} or {@code rpc} line with the wrong number of values, or a {@code procN} line whose count does
   *     not match its values (or is below the 18 NFSv2 / 22 NFSv3 procedures)
   */
  public static NetRpcNfs parse(Path path, String text) throws MalformedFileException {
    Optional<Network> network = Optional.empty();
    Optional<Rpc> rpc = Optional.empty();
    List<Long> v2 = List.of();
    List<Long> v3 = List.of();
    List<Long> v4 = List.of();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      List<String> fields = TextFields.split(line);
      if (fields.isEmpty()) {
        continue;
      }
      List<Long> values = values(path, lineNo, line, fields);
      switch (fields.get(0)) {
        case "net" -> network = Optional.of(network(path, lineNo, line, values));
        case "rpc" -> {
          exactly(path, lineNo, line, values, 3);
          rpc = Optional.of(new Rpc(values.get(0), values.get(1), values.get(2)));
        }
        case "proc2" -> v2 = procedures(path, lineNo, line, values, 18);
        case "proc3" -> v3 = procedures(path, lineNo, line, values, 22);
        case "proc4" -> v4 = procedures(path, lineNo, line, values, 0);
        default -> { } // a line a newer kernel added: nothing of ours
      }
    }
    return new NetRpcNfs(network, rpc, v2, v3, v4);
  }

  /** The unsigned values after the line's label; at least one. */
  static List<Long> values(Path path, int lineNo, String line, List<String> fields) throws MalformedFileException {
    if (fields.size() < 2) {
      throw new MalformedFileException(path, lineNo, line, "expected \"<name> <value>...\"");
    }
    List<Long> values = new ArrayList<>(fields.size() - 1);
    for (int i = 1; i < fields.size(); i++) {
      try {
        values.add(Uint64.parse(fields.get(i)));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "expected unsigned integers");
      }
    }
    return values;
  }

  static Network network(Path path, int lineNo, String line, List<Long> values) throws MalformedFileException {
    exactly(path, lineNo, line, values, 4);
    return new Network(values.get(0), values.get(1), values.get(2), values.get(3));
  }

  static void exactly(Path path, int lineNo, String line, List<Long> values, int n) throws MalformedFileException {
    if (values.size() != n) {
      throw new MalformedFileException(path, lineNo, line, "expected " + n + " values");
    }
  }

  /** A {@code procN <count> <count values>} line's values; {@code min} procedures at least. */
  static List<Long> procedures(Path path, int lineNo, String line, List<Long> values, int min)
      throws MalformedFileException {
    long count = values.get(0);
    if (count != values.size() - 1 || count < min) {
      throw new MalformedFileException(
          path, lineNo, line, "expected a procedure count" + (min > 0 ? " of at least " + min : "")
              + " followed by that many values");
    }
    return values.subList(1, values.size());
  }
}
