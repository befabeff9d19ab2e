package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetIpSocket;
import io.vigil.exporter.source.procfs.ProcFs;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * node_exporter's {@code tcpstat} collector (Linux only, off by default): TCP sockets per state over IPv4 and IPv6,
 * plus the bytes in all their receive and send queues as the pseudo-states {@code rx_queued_bytes} and
 * {@code tx_queued_bytes}. Only states with at least one socket are exposed.
 *
 * <pre>
 * node_tcp_connection_states{state="established"} 18
 * node_tcp_connection_states{state="tx_queued_bytes"} 8688
 * </pre>
 *
 * <p>node_exporter 1.5 asks the kernel over netlink (INET_DIAG); this reads {@code /proc/net/tcp} and {@code tcp6},
 * which list the same sockets. One difference: for a listening socket netlink reports the accept backlog limit as its
 * send queue and the proc files report 0, so {@code tx_queued_bytes} here lacks the listeners' backlog limits.
 *
 * <p>Thread safety: stateless.
 */
public final class TcpstatCollector implements Collector {

  public static final String NAME = "tcpstat";

  /** include/net/tcp_states.h, indexed by state number. */
  private static final List<String> STATES = List.of("unknown", "established", "syn_sent", "syn_recv", "fin_wait1",
      "fin_wait2", "time_wait", "close", "close_wait", "last_ack", "listen", "closing");

  private final ProcFs proc;

  public TcpstatCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Optional<NetIpSocket> v4 = NetIpSocket.read(proc, "tcp");
    Optional<NetIpSocket> v6 = NetIpSocket.read(proc, "tcp6");
    if (v4.isEmpty() && v6.isEmpty()) {
      throw new IOException("neither " + proc.path("net", "tcp") + " nor tcp6 exists");
    }
    Map<String, Double> counts = new TreeMap<>();
    for (Optional<NetIpSocket> table : List.of(v4, v6)) {
      for (NetIpSocket.Line s : table.map(NetIpSocket::sockets).orElse(List.of())) {
        counts.merge(stateName(s.state()), 1.0, Double::sum);
        counts.merge("rx_queued_bytes", (double) s.rxQueue(), Double::sum);
        counts.merge("tx_queued_bytes", (double) s.txQueue(), Double::sum);
      }
    }
    if (counts.isEmpty()) {
      return List.of();
    }
    GaugeSnapshot.Builder family =
        GaugeSnapshot.builder().name("node_tcp_connection_states").help("Number of connection states.");
    counts.forEach((state, value) -> family.dataPoint(Families.gaugePoint(value, "state", state)));
    return List.of(family.build());
  }

  private static String stateName(int state) {
    return state > 0 && state < STATES.size() ? STATES.get(state) : "unknown";
  }
}
