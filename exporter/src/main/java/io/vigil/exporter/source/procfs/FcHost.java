package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Fibre Channel host port: {@code /sys/class/fc_host/host<N>/} and its {@code statistics/} (drivers/scsi/
 * scsi_transport_fc.c; Documentation/scsi/scsi_fc_transport.rst). Statistics are printed in hexadecimal; a counter
 * the HBA firmware does not implement reads as all ones ({@link Uint64#ALL_ONES}). The world-wide names and port id
 * lose their {@code 0x} prefix, as in node_exporter.
 *
 * @param name {@code host1}
 * @param attributes the identity attributes present ({@code speed}, {@code port_state}, {@code port_type},
 *     {@code port_id}, {@code port_name}, {@code node_name}, {@code fabric_name}, {@code symbolic_name},
 *     {@code supported_classes}, {@code supported_speeds}, {@code dev_loss_tmo}); a driver may leave some out
 * @param statistics the {@link #STATISTICS} counters present, by file name ({@code rx_frames})
 */
public record FcHost(String name, Map<String, String> attributes, Map<String, Long> statistics) {

  /** Identity attributes read, in node_exporter's order. */
  public static final List<String> ATTRIBUTES =
      List.of("speed", "port_state", "port_type", "node_name", "port_id", "port_name", "fabric_name",
          "dev_loss_tmo", "symbolic_name", "supported_classes", "supported_speeds");

  /** The {@code statistics/} counters read (the ones node_exporter reports). */
  public static final List<String> STATISTICS =
      List.of("dumped_frames", "error_frames", "invalid_crc_count", "rx_frames", "rx_words", "tx_frames", "tx_words",
          "seconds_since_last_reset", "invalid_tx_word_count", "link_failure_count", "loss_of_sync_count",
          "loss_of_signal_count", "nos_count", "fcp_packet_aborts");

  private static final List<String> HEX_NAMES = List.of("node_name", "port_id", "port_name", "fabric_name");

  public FcHost {
    attributes = Map.copyOf(attributes);
    statistics = Map.copyOf(statistics);
  }

  public Optional<String> attribute(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  public Optional<Long> statistic(String name) {
    return Optional.ofNullable(statistics.get(name));
  }

  public static Path classDirectory(SysFs sys) {
    return sys.path("class", "fc_host");
  }

  /**
   * Reads every host port, sorted by name.
   *
   * @throws java.nio.file.NoSuchFileException when the class directory does not exist (no FC transport)
   * @throws io.vigil.exporter.source.MalformedFileException when a statistic is not an unsigned integer
   */
  public static List<FcHost> readAll(SysFs sys) throws IOException {
    List<FcHost> hosts = new ArrayList<>();
    for (Path dir : SysfsDirs.subdirectories(classDirectory(sys))) {
      Map<String, String> attributes = new LinkedHashMap<>();
      for (String attribute : ATTRIBUTES) {
        SysFs.readAttribute(dir.resolve(attribute)).ifPresent(value -> attributes.put(attribute,
            HEX_NAMES.contains(attribute) && value.length() > 2 ? value.substring(2) : value));
      }
      Map<String, Long> statistics = new LinkedHashMap<>();
      for (String statistic : STATISTICS) {
        SysfsDirs.unsigned(dir.resolve("statistics").resolve(statistic)).ifPresent(v -> statistics.put(statistic, v));
      }
      hosts.add(new FcHost(dir.getFileName().toString(), attributes, statistics));
    }
    return List.copyOf(hosts);
  }
}
