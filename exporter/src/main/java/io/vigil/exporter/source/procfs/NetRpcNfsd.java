package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.TextFields;
import io.vigil.exporter.source.procfs.NetRpcNfs.Network;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * NFS server statistics: {@code /proc/net/rpc/nfsd} (fs/nfsd/stats.c {@code nfsd_show} and net/sunrpc/stats.c;
 * explained at https://www.svennd.be/nfsd-stats-explained-procnetrpcnfsd/). Exists while nfsd is loaded.
 *
 * <pre>
 * rc 0 412334 9912334
 * fh 0 0 0 0 0
 * io 412334123008 81233412096
 * th 16 0 0.000 0.000 ...
 * ra 0 0 0 0 0 0 0 0 0 0 0 0
 * net 10324668 0 10324668 412
 * rpc 10324668 0 0 0 0
 * proc3 22 2 81233 ...
 * proc4 2 4 9912334
 * proc4ops 76 0 0 0 1182334 ...
 * </pre>
 *
 * <p>Lines a kernel does not print are absent (no {@code proc2} once NFSv2 is off); lines newer kernels add
 * ({@code wdeleg_getattr} since 6.9) are ignored.
 *
 * @param replyCache {@code rc}: hits, misses, uncached
 * @param staleFileHandles {@code fh}'s first value (the others are always 0)
 * @param io {@code io}: bytes read, bytes written
 * @param threads {@code th}'s first value: nfsd threads
 * @param readAheadCache {@code ra}: cache size and not-found count (both 0 since Linux 5.x stopped the cache)
 * @param network {@code net}
 * @param rpc {@code rpc}: calls, bad calls, bad format, bad auth, bad client
 * @param v2 NFSv2 procedure counts; empty without {@code proc2}
 * @param v3 NFSv3 procedure counts; empty without {@code proc3}
 * @param v4Operations NFSv4 operation counts by operation number; empty without {@code proc4ops}
 */
public record NetRpcNfsd(
    Optional<ReplyCache> replyCache,
    Optional<Long> staleFileHandles,
    Optional<Io> io,
    Optional<Long> threads,
    Optional<ReadAheadCache> readAheadCache,
    Optional<Network> network,
    Optional<Rpc> rpc,
    List<Long> v2,
    List<Long> v3,
    List<Long> v4Operations) {

  public NetRpcNfsd {
    v2 = List.copyOf(v2);
    v3 = List.copyOf(v3);
    v4Operations = List.copyOf(v4Operations);
  }

  public record ReplyCache(long hits, long misses, long noCache) {}

  public record Io(long readBytes, long writtenBytes) {}

  public record ReadAheadCache(long size, long notFound) {}

  public record Rpc(long calls, long badCalls, long badFormat, long badAuth, long badClient) {}

  /** Reads and parses {@code <procfs>/net/rpc/nfsd}. */
  public static NetRpcNfsd read(ProcFs proc) throws IOException {
    Path path = proc.path("net", "rpc", "nfsd");
    return parse(path, ProcFs.readText(path));
  }

  /**
   * Parses the file.
   *
   * @throws MalformedFileException on a line without values, a value that is not an unsigned integer (the
   *     {@code th} histogram after its first two values excepted), a fixed-size line with the wrong number of values,
   *     or a {@code proc*} line whose count does not match its values or is below the protocol's minimum
   */
  public static NetRpcNfsd parse(Path path, String text) throws MalformedFileException {
    Optional<ReplyCache> rc = Optional.empty();
    Optional<Long> fh = Optional.empty();
    Optional<Io> io = Optional.empty();
    Optional<Long> th = Optional.empty();
    Optional<ReadAheadCache> ra = Optional.empty();
    Optional<Network> net = Optional.empty();
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
      String label = fields.get(0);
      if (label.equals("th")) {
        // threads, then a deprecated histogram of decimals: only the first two are integers
        if (fields.size() < 3) {
          throw new MalformedFileException(path, lineNo, line, "expected \"th <threads> <fullcnt> ...\"");
        }
        th = Optional.of(NetRpcNfs.values(path, lineNo, line, fields.subList(0, 3)).get(0));
        continue;
      }
      List<Long> v = NetRpcNfs.values(path, lineNo, line, fields);
      switch (label) {
        case "rc" -> {
          NetRpcNfs.exactly(path, lineNo, line, v, 3);
          rc = Optional.of(new ReplyCache(v.get(0), v.get(1), v.get(2)));
        }
        case "fh" -> {
          NetRpcNfs.exactly(path, lineNo, line, v, 5);
          fh = Optional.of(v.get(0));
        }
        case "io" -> {
          NetRpcNfs.exactly(path, lineNo, line, v, 2);
          io = Optional.of(new Io(v.get(0), v.get(1)));
        }
        case "ra" -> {
          NetRpcNfs.exactly(path, lineNo, line, v, 12);
          ra = Optional.of(new ReadAheadCache(v.get(0), v.get(11)));
        }
        case "net" -> net = Optional.of(NetRpcNfs.network(path, lineNo, line, v));
        case "rpc" -> {
          NetRpcNfs.exactly(path, lineNo, line, v, 5);
          rpc = Optional.of(new Rpc(v.get(0), v.get(1), v.get(2), v.get(3), v.get(4)));
        }
        case "proc2" -> v2 = NetRpcNfs.procedures(path, lineNo, line, v, 18);
        case "proc3" -> v3 = NetRpcNfs.procedures(path, lineNo, line, v, 22);
        case "proc4" -> {
          if (v.size() != 3 || v.get(0) != 2) {
            throw new MalformedFileException(path, lineNo, line, "expected \"proc4 2 <null> <compound>\"");
          }
        }
        case "proc4ops" -> v4 = NetRpcNfs.procedures(path, lineNo, line, v, 39);
        default -> { } // wdeleg_getattr (6.9+) and whatever comes next
      }
    }
    return new NetRpcNfsd(rc, fh, io, th, ra, net, rpc, v2, v3, v4);
  }
}
