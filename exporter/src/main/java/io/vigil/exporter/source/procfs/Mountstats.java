package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.TextFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-mount statistics: {@code /proc/<pid>/mountstats} (fs/proc_namespace.c {@code show_vfsstat}; NFS adds its
 * statistics in fs/nfs/super.c {@code nfs_show_stats} and net/sunrpc/stats.c; a field guide is at
 * https://utcc.utoronto.ca/~cks/space/blog/linux/NFSMountstatsIndex). Every mount has a
 * {@code device X mounted on Y with fstype Z} line; NFS mounts add {@code statvers=1.1} and indented blocks
 * ({@code opts:}, {@code age:}, {@code events:}, {@code bytes:}, {@code xprt:}, {@code per-op statistics}) up to a
 * blank line.
 *
 * <p>Parsed as prometheus/procfs does for node_exporter 1.5, with its checks (27 events, 8 byte counters, the
 * transport's field count per statistics version and protocol, at least 8 counters per operation).
 *
 * @param mounts in file order (the same order as {@code /proc/<pid>/mountinfo})
 */
public record Mountstats(List<Mount> mounts) {

  public Mountstats {
    mounts = List.copyOf(mounts);
  }

  /**
   * One mount.
   *
   * @param device the mounted source ({@code nas.example.net:/export/backup})
   * @param mountPoint where it is mounted
   * @param fsType {@code nfs}, {@code nfs4}, {@code ext4}, ...
   * @param nfs the NFS statistics; absent for other filesystems
   */
  public record Mount(String device, String mountPoint, String fsType, Optional<Nfs> nfs) {}

  /**
   * Statistics of one NFS mount.
   *
   * @param statVersion {@code 1.0} or {@code 1.1}
   * @param ageSeconds seconds since the mount
   * @param bytes the 8 {@code bytes:} counters; absent without the line
   * @param events the 27 {@code events:} counters; absent without the line
   * @param transport the (last) {@code xprt:} line; absent without one
   * @param operations the per-operation lines, in file order
   */
  public record Nfs(
      String statVersion,
      long ageSeconds,
      Optional<List<Long>> bytes,
      Optional<List<Long>> events,
      Optional<Transport> transport,
      List<Operation> operations) {
    public Nfs {
      bytes = bytes.map(List::copyOf);
      events = events.map(List::copyOf);
      operations = List.copyOf(operations);
    }
  }

  /**
   * The RPC transport line. Fields a protocol or statistics version does not print are absent: UDP has no connect
   * count, connect time or idle time; version 1.0 has no maximum slots or queue sums.
   */
  public record Transport(
      String protocol,
      long port,
      long bindCount,
      Optional<Long> connectCount,
      Optional<Long> connectIdleTime,
      Optional<Long> idleTimeSeconds,
      long sends,
      long receives,
      long badTransactionIds,
      long cumulativeActiveRequests,
      long cumulativeBacklog,
      Optional<Long> maximumSlotsUsed,
      Optional<Long> cumulativeSendingQueue,
      Optional<Long> cumulativePendingQueue) {}

  /**
   * One {@code per-op statistics} line ({@code READ: 18234 18234 0 3063312 9561448768 213 40117 41532 0}).
   *
   * @param errors the ninth counter, printed since Linux 5.3; absent before
   */
  public record Operation(
      String name,
      long requests,
      long transmissions,
      long majorTimeouts,
      long bytesSent,
      long bytesReceived,
      long queueMilliseconds,
      long responseMilliseconds,
      long requestMilliseconds,
      Optional<Long> errors) {}

  /** Reads and parses {@code <procfs>/self/mountstats} (this process's mount namespace). */
  public static Mountstats readSelf(ProcFs proc) throws IOException {
    Path path = proc.path("self", "mountstats");
    return parse(path, ProcFs.readText(path));
  }

  /**
   * Parses the file.
   *
   * @throws MalformedFileException on a {@code device} line not of the form above, statistics on a filesystem other
   *     than nfs or nfs4, an unknown statistics version or transport protocol, or a statistics line with the wrong
   *     number of values or values that are not unsigned integers
   */
  public static Mountstats parse(Path path, String text) throws MalformedFileException {
    Lines lines = new Lines(path, text.split("\n", -1));
    List<Mount> mounts = new ArrayList<>();
    while (lines.next()) {
      List<String> f = lines.fields();
      if (f.isEmpty() || !f.get(0).equals("device")) {
        continue;
      }
      if (f.size() < 8 || !f.get(2).equals("mounted") || !f.get(3).equals("on") || !f.get(5).equals("with")
          || !f.get(6).equals("fstype")) {
        throw lines.malformed("expected \"device <source> mounted on <mount point> with fstype <type>\"");
      }
      Optional<Nfs> nfs = Optional.empty();
      if (f.size() > 8) {
        String type = f.get(7);
        if (!type.equals("nfs") && !type.equals("nfs4")) {
          throw lines.malformed("statistics for fstype " + type + ", expected nfs or nfs4");
        }
        String version = f.get(8).startsWith("statvers=") ? f.get(8).substring("statvers=".length()) : f.get(8);
        nfs = Optional.of(nfs(lines, version));
      }
      mounts.add(new Mount(f.get(1), f.get(4), f.get(7), nfs));
    }
    return new Mountstats(mounts);
  }

  private static Nfs nfs(Lines lines, String version) throws MalformedFileException {
    long age = 0;
    Optional<List<Long>> bytes = Optional.empty();
    Optional<List<Long>> events = Optional.empty();
    Optional<Transport> transport = Optional.empty();
    boolean perOp = false;
    while (!perOp && lines.next()) {
      List<String> f = lines.fields();
      if (f.isEmpty()) {
        break;
      }
      switch (f.get(0)) {
        case "age:" -> age = lines.unsigned(f, 1, 2).get(0);
        case "bytes:" -> bytes = Optional.of(lines.exactly(f, 8));
        case "events:" -> events = Optional.of(lines.exactly(f, 27));
        case "xprt:" -> transport = Optional.of(transport(lines, f, version));
        case "per-op" -> perOp = true;
        default -> { } // opts:, caps:, sec:, nfsv4:, impl_id:, RPC iostats version: ...
      }
    }
    List<Operation> operations = new ArrayList<>();
    if (perOp) {
      while (lines.next()) {
        List<String> f = lines.fields();
        if (f.isEmpty()) {
          break;
        }
        if (f.size() < 9) {
          throw lines.malformed("expected an operation name and at least 8 counters");
        }
        List<Long> v = lines.unsigned(f, 1, f.size());
        String name = f.get(0).endsWith(":") ? f.get(0).substring(0, f.get(0).length() - 1) : f.get(0);
        operations.add(new Operation(name, v.get(0), v.get(1), v.get(2), v.get(3), v.get(4), v.get(5), v.get(6),
            v.get(7), v.size() > 8 ? Optional.of(v.get(8)) : Optional.empty()));
      }
    }
    return new Nfs(version, age, bytes, events, transport, operations);
  }

  private static Transport transport(Lines lines, List<String> f, String version) throws MalformedFileException {
    if (f.size() < 3) {
      throw lines.malformed("expected \"xprt: <protocol> <counters>\"");
    }
    String protocol = f.get(1);
    boolean tcp = protocol.equals("tcp");
    if (!tcp && !protocol.equals("udp")) {
      throw lines.malformed("transport protocol " + protocol + ", expected tcp or udp");
    }
    boolean v11 = switch (version) {
      case "1.0" -> false;
      case "1.1" -> true;
      default -> throw lines.malformed("statistics version " + version + ", expected 1.0 or 1.1");
    };
    int expected = (tcp ? 10 : 7) + (v11 ? 3 : 0);
    List<Long> v = lines.unsigned(f, 2, f.size());
    if (v.size() != expected) {
      throw lines.malformed("expected " + expected + " transport counters for " + protocol + " (statvers=" + version
          + ")");
    }
    // udp prints no connect count, connect time or idle time: insert them as absent
    int i = 0;
    long port = v.get(i++);
    long bind = v.get(i++);
    Optional<Long> connect = tcp ? Optional.of(v.get(i++)) : Optional.empty();
    Optional<Long> connectIdle = tcp ? Optional.of(v.get(i++)) : Optional.empty();
    Optional<Long> idle = tcp ? Optional.of(v.get(i++)) : Optional.empty();
    long sends = v.get(i++);
    long receives = v.get(i++);
    long badXids = v.get(i++);
    long active = v.get(i++);
    long backlog = v.get(i++);
    Optional<Long> maxSlots = v11 ? Optional.of(v.get(i++)) : Optional.empty();
    Optional<Long> sending = v11 ? Optional.of(v.get(i++)) : Optional.empty();
    Optional<Long> pending = v11 ? Optional.of(v.get(i)) : Optional.empty();
    return new Transport(protocol, port, bind, connect, connectIdle, idle, sends, receives, badXids, active, backlog,
        maxSlots, sending, pending);
  }

  /** A cursor over the file's lines, for error messages with line numbers. */
  private static final class Lines {
    private final Path path;
    private final String[] lines;
    private int index = -1;
    private List<String> fields;

    Lines(Path path, String[] lines) {
      this.path = path;
      this.lines = lines;
    }

    boolean next() {
      if (index + 1 >= lines.length) {
        return false;
      }
      index++;
      fields = TextFields.split(lines[index]);
      return true;
    }

    List<String> fields() {
      return fields;
    }

    List<Long> exactly(List<String> f, int n) throws MalformedFileException {
      if (f.size() - 1 != n) {
        throw malformed("expected " + n + " counters");
      }
      return unsigned(f, 1, f.size());
    }

    List<Long> unsigned(List<String> f, int from, int to) throws MalformedFileException {
      if (f.size() < to || from >= to) {
        throw malformed("expected a value");
      }
      List<Long> values = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        try {
          values.add(Uint64.parse(f.get(i)));
        } catch (NumberFormatException e) {
          throw malformed("expected unsigned integers");
        }
      }
      return values;
    }

    MalformedFileException malformed(String problem) {
      return new MalformedFileException(path, index + 1, lines[index], problem);
    }
  }
}
