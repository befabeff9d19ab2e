package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.FcHost;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.Uint64;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * node_exporter's {@code fibrechannel} collector (Linux only): Fibre Channel host ports from
 * {@code /sys/class/fc_host}: {@code node_fibrechannel_info} with the port's identity and one counter family per
 * statistic.
 *
 * <pre>
 * node_fibrechannel_info{dev_loss_tmo="30",fabric_name="100000051e0a2b3c",fc_host="host1",port_id="010a00",...} 1
 * node_fibrechannel_rx_frames_total{fc_host="host1"} 1.44962076e+08
 * </pre>
 *
 * <p>A counter the HBA firmware does not implement (all ones) is not reported, as in node_exporter. An attribute or
 * statistic a driver does not provide is an empty label value or no sample (node_exporter 1.5 fails the collector on
 * a missing attribute). Without {@code /sys/class/fc_host} the collector fails ("no data"), as node_exporter's does.
 *
 * <p>Thread safety: stateless.
 */
public final class FibrechannelCollector implements Collector {

  public static final String NAME = "fibrechannel";

  /** Counter family stem, statistics file, help: node_exporter 1.5's order and texts. */
  private static final String[][] COUNTERS = {
    {"dumped_frames_total", "dumped_frames", "Number of dumped frames"},
    {"error_frames_total", "error_frames", "Number of errors in frames"},
    {"invalid_crc_total", "invalid_crc_count", "Invalid Cyclic Redundancy Check count"},
    {"rx_frames_total", "rx_frames", "Number of frames received"},
    {"rx_words_total", "rx_words", "Number of words received by host port"},
    {"tx_frames_total", "tx_frames", "Number of frames transmitted by host port"},
    {"tx_words_total", "tx_words", "Number of words transmitted by host port"},
    {"seconds_since_last_reset_total", "seconds_since_last_reset", "Number of seconds since last host port reset"},
    {"invalid_tx_words_total", "invalid_tx_word_count", "Number of invalid words transmitted by host port"},
    {"link_failure_total", "link_failure_count", "Number of times the host port link has failed"},
    {"loss_of_sync_total", "loss_of_sync_count", "Number of failures on either bit or transmission word boundaries"},
    {"loss_of_signal_total", "loss_of_signal_count", "Number of times signal has been lost"},
    {"nos_total", "nos_count", "Number Not_Operational Primitive Sequence received by host port"},
    {"fcp_packet_aborts_total", "fcp_packet_aborts", "Number of aborted packets"},
  };

  private final SysFs sys;

  public FibrechannelCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Path dir = FcHost.classDirectory(sys);
    if (!Files.isDirectory(dir)) {
      throw new NoDataException(dir + ": no Fibre Channel host ports");
    }
    LabelledFamilies out = new LabelledFamilies();
    for (FcHost host : FcHost.readAll(sys)) {
      out.gauge("node_fibrechannel_info", "Non-numeric data from /sys/class/fc_host/<host>, value is always 1.", 1,
          "fc_host", host.name(),
          "speed", host.attribute("speed").orElse(""),
          "port_state", host.attribute("port_state").orElse(""),
          "port_type", host.attribute("port_type").orElse(""),
          "port_id", host.attribute("port_id").orElse(""),
          "port_name", host.attribute("port_name").orElse(""),
          "fabric_name", host.attribute("fabric_name").orElse(""),
          "symbolic_name", host.attribute("symbolic_name").orElse(""),
          "supported_classes", host.attribute("supported_classes").orElse(""),
          "supported_speeds", host.attribute("supported_speeds").orElse(""),
          "dev_loss_tmo", host.attribute("dev_loss_tmo").orElse(""));
      for (String[] c : COUNTERS) {
        host.statistic(c[1])
            .filter(v -> v != Uint64.ALL_ONES)
            .ifPresent(v -> out.counter("node_fibrechannel_" + c[0], c[2], Uint64.toDouble(v), "fc_host", host.name()));
      }
    }
    return out.snapshots();
  }
}
