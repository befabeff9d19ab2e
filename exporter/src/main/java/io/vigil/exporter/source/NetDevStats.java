package io.vigil.exporter.source;

import java.util.Map;

/**
 * Counters of one network interface: a line of {@code /proc/net/dev} on Linux (plus {@code rx_nohandler} from
 * {@code /sys/class/net/<dev>/statistics}); an OSHI network interface elsewhere.
 *
 * @param device interface name
 * @param counters by node_exporter's family stem ({@code receive_bytes}, {@code receive_packets},
 *     {@code receive_errs}, {@code receive_drop}, {@code receive_fifo}, {@code receive_frame},
 *     {@code receive_compressed}, {@code receive_multicast}, {@code receive_nohandler}, {@code transmit_bytes},
 *     {@code transmit_packets}, {@code transmit_errs}, {@code transmit_drop}, {@code transmit_fifo},
 *     {@code transmit_colls}, {@code transmit_carrier}, {@code transmit_compressed}); absent ones are missing
 */
public record NetDevStats(String device, Map<String, Double> counters) {
  public NetDevStats {
    counters = OrderedMaps.copyOf(counters);
  }
}
