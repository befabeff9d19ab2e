package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.InfinibandDevice;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.Uint64;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's {@code infiniband} collector (Linux): HCA info, port state and rate, and the port counters from
 * {@code /sys/class/infiniband}.
 *
 * <pre>
 * node_infiniband_info{board_id="MT_0000000008",device="mlx5_0",firmware_version="16.35.2000",hca_type="MT4119"} 1
 * node_infiniband_state_id{device="mlx5_0",port="1"} 4
 * node_infiniband_port_data_received_bytes_total{device="mlx5_0",port="1"} 3.7139044098852e+13
 * </pre>
 *
 * <p>Data counters count 4-octet words and are multiplied by 4, as in node_exporter. Without
 * {@code /sys/class/infiniband} (no RDMA stack) or when a port lacks its files the collector fails with "no data"; a
 * malformed port attribute or counter fails it; a counter reading {@code N/A (no PMA)} is left out.
 *
 * <p>Thread safety: stateless.
 */
public final class InfinibandCollector implements Collector {

  public static final String NAME = "infiniband";

  /** Counter file, family (exposed name), help, multiplier. */
  private record Counter(String file, String family, String help, double factor) {}

  private static final List<Counter> COUNTERS = List.of(
      new Counter("excessive_buffer_overrun_errors", "excessive_buffer_overrun_errors_total",
          "Number of times that OverrunErrors consecutive flow control update periods occurred, each having at least"
              + " one overrun error.", 1),
      new Counter("link_downed", "link_downed_total",
          "Number of times the link failed to recover from an error state and went down", 1),
      new Counter("link_error_recovery", "link_error_recovery_total",
          "Number of times the link successfully recovered from an error state", 1),
      new Counter("local_link_integrity_errors", "local_link_integrity_errors_total",
          "Number of times that the count of local physical errors exceeded the threshold specified by"
              + " LocalPhyErrors.", 1),
      new Counter("multicast_rcv_packets", "multicast_packets_received_total",
          "Number of multicast packets received (including errors)", 1),
      new Counter("multicast_xmit_packets", "multicast_packets_transmitted_total",
          "Number of multicast packets transmitted (including errors)", 1),
      new Counter("port_rcv_constraint_errors", "port_constraint_errors_received_total",
          "Number of packets received on the switch physical port that are discarded", 1),
      new Counter("port_xmit_constraint_errors", "port_constraint_errors_transmitted_total",
          "Number of packets not transmitted from the switch physical port", 1),
      new Counter("port_rcv_data", "port_data_received_bytes_total",
          "Number of data octets received on all links", 4),
      new Counter("port_xmit_data", "port_data_transmitted_bytes_total",
          "Number of data octets transmitted on all links", 4),
      new Counter("port_rcv_discards", "port_discards_received_total",
          "Number of inbound packets discarded by the port because the port is down or congested", 1),
      new Counter("port_xmit_discards", "port_discards_transmitted_total",
          "Number of outbound packets discarded by the port because the port is down or congested", 1),
      new Counter("port_rcv_errors", "port_errors_received_total",
          "Number of packets containing an error that were received on this port", 1),
      new Counter("port_rcv_packets", "port_packets_received_total",
          "Number of packets received on all VLs by this port (including errors)", 1),
      new Counter("port_xmit_packets", "port_packets_transmitted_total",
          "Number of packets transmitted on all VLs from this port (including errors)", 1),
      new Counter("port_xmit_wait", "port_transmit_wait_total",
          "Number of ticks during which the port had data to transmit but no data was sent during the entire tick",
          1),
      new Counter("port_rcv_remote_physical_errors", "port_receive_remote_physical_errors_total",
          "Number of packets marked with the EBP (End of Bad Packet) delimiter received on the port.", 1),
      new Counter("port_rcv_switch_relay_errors", "port_receive_switch_relay_errors_total",
          "Number of packets that could not be forwarded by the switch.", 1),
      new Counter("symbol_error", "symbol_error_total",
          "Number of minor link errors detected on one or more physical lanes.", 1),
      new Counter("unicast_rcv_packets", "unicast_packets_received_total",
          "Number of unicast packets received (including errors)", 1),
      new Counter("unicast_xmit_packets", "unicast_packets_transmitted_total",
          "Number of unicast packets transmitted (including errors)", 1),
      new Counter("VL15_dropped", "vl15_dropped_total",
          "Number of incoming VL15 packets dropped due to resource limitations.", 1));

  private static final List<Counter> EXTENDED_COUNTERS = List.of(
      new Counter("port_multicast_rcv_packets", "legacy_multicast_packets_received_total",
          "Number of multicast packets received", 1),
      new Counter("port_multicast_xmit_packets", "legacy_multicast_packets_transmitted_total",
          "Number of multicast packets transmitted", 1),
      new Counter("port_rcv_data_64", "legacy_data_received_bytes_total",
          "Number of data octets received on all links", 4),
      new Counter("port_rcv_packets_64", "legacy_packets_received_total",
          "Number of data packets received on all links", 1),
      new Counter("port_unicast_rcv_packets", "legacy_unicast_packets_received_total",
          "Number of unicast packets received", 1),
      new Counter("port_unicast_xmit_packets", "legacy_unicast_packets_transmitted_total",
          "Number of unicast packets transmitted", 1),
      new Counter("port_xmit_data_64", "legacy_data_transmitted_bytes_total",
          "Number of data octets transmitted on all links", 4),
      // node_exporter's help says "received" here too
      new Counter("port_xmit_packets_64", "legacy_packets_transmitted_total",
          "Number of data packets received on all links", 1));

  private final SysFs sys;

  public InfinibandCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<InfinibandDevice> devices;
    Path classDirectory = InfinibandDevice.classDirectory(sys);
    if (ProcFs.missing(classDirectory)) {
      throw new NoDataException(classDirectory + ": no InfiniBand devices (or a port without its files)");
    }
    try {
      devices = InfinibandDevice.readAll(sys);
    } catch (NoSuchFileException e) {
      throw new NoDataException(e.getFile() + ": no InfiniBand devices (or a port without its files)");
    }
    LabelledFamilies out = new LabelledFamilies();
    for (InfinibandDevice d : devices) {
      out.gauge("node_infiniband_info", "Non-numeric data from /sys/class/infiniband/<device>, value is always 1.", 1,
          "board_id", d.boardId().orElse(""), "device", d.name(),
          "firmware_version", d.firmwareVersion().orElse(""), "hca_type", d.hcaType().orElse(""));
      for (InfinibandDevice.Port p : d.ports()) {
        String port = Long.toUnsignedString(p.port());
        out.gauge("node_infiniband_state_id",
            "State of the InfiniBand port (0: no change, 1: down, 2: init, 3: armed, 4: active, 5: act defer)",
            Uint64.toDouble(p.stateId()), "device", d.name(), "port", port);
        out.gauge("node_infiniband_physical_state_id",
            "Physical state of the InfiniBand port (0: no change, 1: sleep, 2: polling, 3: disable, 4: shift, 5: link"
                + " up, 6: link error recover, 7: phytest)",
            Uint64.toDouble(p.physicalStateId()), "device", d.name(), "port", port);
        out.gauge("node_infiniband_rate_bytes_per_second", "Maximum signal transfer rate",
            p.rateBytesPerSecond(), "device", d.name(), "port", port);
        counters(out, COUNTERS, p.counters(), d.name(), port);
        counters(out, EXTENDED_COUNTERS, p.extendedCounters(), d.name(), port);
      }
    }
    return out.snapshots();
  }

  private static void counters(
      LabelledFamilies out, List<Counter> table, Map<String, Long> values, String device, String port) {
    for (Counter c : table) {
      Long v = values.get(c.file());
      if (v != null) {
        out.counter("node_infiniband_" + c.family(), c.help(), Uint64.toDouble(v) * c.factor(),
            "device", device, "port", port);
      }
    }
  }
}
