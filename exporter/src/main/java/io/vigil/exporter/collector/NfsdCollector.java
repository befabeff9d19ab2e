package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetRpcNfsd;
import io.vigil.exporter.source.procfs.ProcFs;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * node_exporter's {@code nfsd} collector (Linux only): NFS server counters from {@code /proc/net/rpc/nfsd}.
 *
 * <pre>
 * node_nfsd_server_threads 16
 * node_nfsd_requests_total{method="Read",proto="4"} 4.123344e+06
 * </pre>
 *
 * <p>As in node_exporter 1.5, the NULL procedures are not reported, and for NFSv4 only the 33 operations of
 * RFC 7530 it names. Unlike node_exporter, lines the kernel did not print are not reported as 0 (no
 * {@code proto="2"} series on kernels without NFSv2), and a line newer kernels add ({@code wdeleg_getattr}, 6.9) is
 * ignored instead of failing the collector. Without {@code /proc/net/rpc/nfsd} (no NFS server) the collector fails
 * ("no data"), as node_exporter's does.
 *
 * <p>Thread safety: stateless.
 */
public final class NfsdCollector implements Collector {

  public static final String NAME = "nfsd";

  /** NFSv2 procedures node_exporter reports, by position in {@code proc2} (NULL, position 0, is left out). */
  private static final List<String> V2 = NfsCollector.V2_PROCEDURES;

  private static final List<String> V3 = NfsCollector.V3_PROCEDURES;

  /** NFSv4 operations node_exporter reports, by operation number (RFC 7530 section 16); null = not reported. */
  private static final String[] V4_OPERATIONS = {
    null, null, null, "Access", "Close", "Commit", "Create", "DelegPurge", "DelegReturn", "GetAttr", "GetFH", "Link",
    "Lock", "Lockt", "Locku", "Lookup", "LookupRoot", "Nverify", "Open", "OpenAttr", "OpenConfirm", "OpenDgrd",
    "PutFH", null, null, "Read", "ReadDir", "ReadLink", "Remove", "Rename", "Renew", "RestoreFH", "SaveFH", "SecInfo",
    "SetAttr", null, null, "Verify", "Write", "RelLockOwner"
  };

  private static final String REQUESTS_HELP = "Total number NFSd Requests by method and protocol.";

  private final ProcFs proc;

  public NfsdCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Path file = proc.path("net", "rpc", "nfsd");
    if (!Files.exists(file)) {
      throw new NoDataException(file + ": no NFS server statistics (nfsd is not loaded)");
    }
    NetRpcNfsd s = NetRpcNfsd.read(proc);
    LabelledFamilies out = new LabelledFamilies();
    s.replyCache().ifPresent(rc -> {
      out.counter("node_nfsd_reply_cache_hits_total",
          "Total number of NFSd Reply Cache hits (client lost server response).", rc.hits());
      out.counter("node_nfsd_reply_cache_misses_total",
          "Total number of NFSd Reply Cache an operation that requires caching (idempotent).", rc.misses());
      out.counter("node_nfsd_reply_cache_nocache_total",
          "Total number of NFSd Reply Cache non-idempotent operations (rename/delete/…).", rc.noCache());
    });
    s.staleFileHandles().ifPresent(v ->
        out.counter("node_nfsd_file_handles_stale_total", "Total number of NFSd stale file handles", v));
    s.io().ifPresent(io -> {
      out.counter("node_nfsd_disk_bytes_read_total", "Total NFSd bytes read.", io.readBytes());
      out.counter("node_nfsd_disk_bytes_written_total", "Total NFSd bytes written.", io.writtenBytes());
    });
    s.threads().ifPresent(v ->
        out.gauge("node_nfsd_server_threads", "Total number of NFSd kernel threads that are running.", v));
    s.readAheadCache().ifPresent(ra -> {
      out.gauge("node_nfsd_read_ahead_cache_size_blocks", "How large the read ahead cache is in blocks.", ra.size());
      out.counter("node_nfsd_read_ahead_cache_not_found_total", "Total number of NFSd read ahead cache not found.",
          ra.notFound());
    });
    s.network().ifPresent(net -> {
      String help = "Total NFSd network packets (sent+received) by protocol type.";
      out.counter("node_nfsd_packets_total", help, net.udpPackets(), "proto", "udp");
      out.counter("node_nfsd_packets_total", help, net.tcpPackets(), "proto", "tcp");
      out.counter("node_nfsd_connections_total", "Total number of NFSd TCP connections.", net.tcpConnections());
    });
    s.rpc().ifPresent(rpc -> {
      String help = "Total number of NFSd RPC errors by error type.";
      out.counter("node_nfsd_rpc_errors_total", help, rpc.badFormat(), "error", "fmt");
      out.counter("node_nfsd_rpc_errors_total", help, rpc.badAuth(), "error", "auth");
      out.counter("node_nfsd_rpc_errors_total", help, rpc.badClient(), "error", "cInt");
      out.counter("node_nfsd_server_rpcs_total", "Total number of NFSd RPCs.", rpc.calls());
    });
    for (int i = 1; i < Math.min(V2.size(), s.v2().size()); i++) {
      out.counter("node_nfsd_requests_total", REQUESTS_HELP, s.v2().get(i), "method", V2.get(i), "proto", "2");
    }
    for (int i = 1; i < Math.min(V3.size(), s.v3().size()); i++) {
      out.counter("node_nfsd_requests_total", REQUESTS_HELP, s.v3().get(i), "method", V3.get(i), "proto", "3");
    }
    for (int op = 0; op < Math.min(V4_OPERATIONS.length, s.v4Operations().size()); op++) {
      if (V4_OPERATIONS[op] != null) {
        out.counter("node_nfsd_requests_total", REQUESTS_HELP, s.v4Operations().get(op),
            "method", V4_OPERATIONS[op], "proto", "4");
      }
    }
    return out.snapshots();
  }
}
