package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetSockstat;
import io.vigil.exporter.source.procfs.ProcFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * node_exporter's {@code sockstat} collector (Linux only): {@code /proc/net/sockstat} and {@code sockstat6} as one
 * gauge per protocol and state, {@code node_sockstat_<PROTO>_<state>}, plus {@code _mem_bytes} for protocols whose
 * {@code mem} is in pages, and {@code node_sockstat_sockets_used}.
 *
 * <pre>
 * # HELP node_sockstat_TCP_inuse Number of TCP sockets in state inuse.
 * # TYPE node_sockstat_TCP_inuse gauge
 * node_sockstat_TCP_inuse 4
 * </pre>
 *
 * <p>A missing file (IPv4 or IPv6 disabled) contributes nothing; a malformed one fails the collection. A key a line
 * lacks is not exposed (node_exporter would print 0 for a missing {@code inuse}; the kernel always prints it).
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class SockstatCollector implements Collector {

  public static final String NAME = "sockstat";

  /** The keys node_exporter maps to families, in its order; other keys are not exposed. */
  private static final List<String> STATES = List.of("inuse", "orphan", "tw", "alloc", "mem", "memory");

  private final ProcFs proc;
  private final long pageSize;

  /**
   * @param pageSize bytes per page, for {@code mem_bytes} (a constructor argument so fixtures give the same output
   *     on every host)
   */
  /** Validated metadata and label sets, built once (see {@link FamilyCache}). */
  private final FamilyCache cache = new FamilyCache();

  public SockstatCollector(ProcFs proc, long pageSize) {
    this.proc = proc;
    this.pageSize = pageSize;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<MetricSnapshot> out = new ArrayList<>();
    Optional<NetSockstat> ipv4 = NetSockstat.read(proc, "sockstat");
    Optional<NetSockstat> ipv6 = NetSockstat.read(proc, "sockstat6");
    if (ipv4.isPresent() && ipv4.get().socketsUsed().isPresent()) {
      out.add(cache.gauge(
          "node_sockstat_sockets_used", "Number of IPv4 sockets in use.", ipv4.get().socketsUsed().getAsLong()));
    }
    ipv4.ifPresent(s -> addProtocols(s, out));
    ipv6.ifPresent(s -> addProtocols(s, out));
    return out;
  }

  private void addProtocols(NetSockstat stat, List<MetricSnapshot> out) {
    for (NetSockstat.Protocol p : stat.protocols()) {
      for (String state : STATES) {
        p.value(state).ifPresent(v -> out.add(gauge(p.name(), state, v)));
      }
      OptionalLong memBytes = p.memBytes(pageSize);
      if (memBytes.isPresent()) {
        out.add(gauge(p.name(), "mem_bytes", memBytes.getAsLong()));
      }
    }
  }

  private MetricSnapshot gauge(String protocol, String state, long value) {
    return cache.gauge(
        "node_sockstat_" + protocol + "_" + state,
        "Number of " + protocol + " sockets in state " + state + ".",
        value);
  }
}
