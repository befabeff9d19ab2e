package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetRpcNfs;
import io.vigil.exporter.source.procfs.ProcFs;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * node_exporter's {@code nfs} collector (Linux only): NFS client RPC counters from {@code /proc/net/rpc/nfs}.
 *
 * <pre>
 * node_nfs_rpcs_total 321333
 * node_nfs_requests_total{method="Write",proto="4"} 214553
 * </pre>
 *
 * <p>Method names are those of prometheus/procfs' structs (NFSv2 and v3 in RFC 1094/1813 order, NFSv4 in its 59-name
 * list), as node_exporter 1.5 exposes them. Unlike node_exporter, procedures the kernel did not print are not
 * reported as 0: no {@code proto="2"} series without a {@code proc2} line, and only as many NFSv4 methods as the
 * kernel counts. Without {@code /proc/net/rpc/nfs} (no nfs module) the collector fails ("no data"), as
 * node_exporter's does.
 *
 * <p>Thread safety: stateless.
 */
public final class NfsCollector implements Collector {

  public static final String NAME = "nfs";

  static final List<String> V2_PROCEDURES =
      List.of("Null", "GetAttr", "SetAttr", "Root", "Lookup", "ReadLink", "Read", "WrCache", "Write", "Create",
          "Remove", "Rename", "Link", "SymLink", "MkDir", "RmDir", "ReadDir", "FsStat");

  static final List<String> V3_PROCEDURES =
      List.of("Null", "GetAttr", "SetAttr", "Lookup", "Access", "ReadLink", "Read", "Write", "Create", "MkDir",
          "SymLink", "MkNod", "Remove", "RmDir", "Rename", "Link", "ReadDir", "ReadDirPlus", "FsStat", "FsInfo",
          "PathConf", "Commit");

  /** procfs' ClientV4Stats field order (it swaps LAYOUTGET and GETDEVICEINFO against the kernel; kept for parity). */
  static final List<String> V4_PROCEDURES =
      List.of("Null", "Read", "Write", "Commit", "Open", "OpenConfirm", "OpenNoattr", "OpenDowngrade", "Close",
          "Setattr", "FsInfo", "Renew", "SetClientID", "SetClientIDConfirm", "Lock", "Lockt", "Locku", "Access",
          "Getattr", "Lookup", "LookupRoot", "Remove", "Rename", "Link", "Symlink", "Create", "Pathconf", "StatFs",
          "ReadLink", "ReadDir", "ServerCaps", "DelegReturn", "GetACL", "SetACL", "FsLocations", "ReleaseLockowner",
          "Secinfo", "FsidPresent", "ExchangeID", "CreateSession", "DestroySession", "Sequence", "GetLeaseTime",
          "ReclaimComplete", "GetDeviceInfo", "LayoutGet", "LayoutCommit", "LayoutReturn", "SecinfoNoName",
          "TestStateID", "FreeStateID", "GetDeviceList", "BindConnToSession", "DestroyClientID", "Seek", "Allocate",
          "DeAllocate", "LayoutStats", "Clone");

  private static final String REQUESTS_HELP = "Number of NFS procedures invoked.";

  private final ProcFs proc;

  public NfsCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Path file = proc.path("net", "rpc", "nfs");
    if (!Files.exists(file)) {
      throw new NoDataException(file + ": no NFS client statistics (the nfs module is not loaded)");
    }
    NetRpcNfs nfs = NetRpcNfs.read(proc);
    LabelledFamilies out = new LabelledFamilies();
    nfs.network().ifPresent(net -> {
      String help = "Total NFSd network packets (sent+received) by protocol type.";
      out.counter("node_nfs_packets_total", help, net.udpPackets(), "protocol", "udp");
      out.counter("node_nfs_packets_total", help, net.tcpPackets(), "protocol", "tcp");
      out.counter("node_nfs_connections_total", "Total number of NFSd TCP connections.", net.tcpConnections());
    });
    nfs.rpc().ifPresent(rpc -> {
      out.counter("node_nfs_rpcs_total", "Total number of RPCs performed.", rpc.calls());
      out.counter("node_nfs_rpc_retransmissions_total", "Number of RPC transmissions performed.",
          rpc.retransmissions());
      out.counter("node_nfs_rpc_authentication_refreshes_total", "Number of RPC authentication refreshes performed.",
          rpc.authRefreshes());
    });
    requests(out, "2", V2_PROCEDURES, nfs.v2());
    requests(out, "3", V3_PROCEDURES, nfs.v3());
    requests(out, "4", V4_PROCEDURES, nfs.v4());
    return out.snapshots();
  }

  private static void requests(LabelledFamilies out, String proto, List<String> names, List<Long> counts) {
    for (int i = 0; i < Math.min(names.size(), counts.size()); i++) {
      out.counter("node_nfs_requests_total", REQUESTS_HELP, counts.get(i), "method", names.get(i), "proto", proto);
    }
  }
}
