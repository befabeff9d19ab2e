package io.vigil.exporter.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counters of one network interface: a line of {@code /proc/net/dev} on Linux (plus {@code rx_nohandler} from
 * {@code /sys/class/net/<dev>/statistics}); an OSHI network interface elsewhere. Kernel documentation:
 * Documentation/networking/statistics.rst and proc(5).
 *
 * @param device interface name
 * @param counters by node_exporter's family stem ({@code receive_bytes}, {@code receive_packets},
 *     {@code receive_errs}, {@code receive_drop}, {@code receive_fifo}, {@code receive_frame},
 *     {@code receive_compressed}, {@code receive_multicast}, {@code receive_nohandler}, {@code transmit_bytes},
 *     {@code transmit_packets}, {@code transmit_errs}, {@code transmit_drop}, {@code transmit_fifo},
 *     {@code transmit_colls}, {@code transmit_carrier}, {@code transmit_compressed}); absent ones are missing
 */
public record NetDevStats(String device, Map<String, Double> counters) {

  /** The stem of the counter Linux keeps in {@code /sys/class/net/<dev>/statistics/rx_nohandler} (kernel 4.6+). */
  public static final String RECEIVE_NOHANDLER = "receive_nohandler";

  public NetDevStats {
    counters = OrderedMaps.copyOf(counters);
  }

  /** This record with one more counter (or a replaced one). */
  public NetDevStats with(String stem, double value) {
    Map<String, Double> more = new LinkedHashMap<>(counters);
    more.put(stem, value);
    return new NetDevStats(device, more);
  }

  /**
   * Parses {@code /proc/net/dev}. The two header lines name the columns ({@code bytes packets errs drop fifo frame
   * compressed multicast|bytes packets errs drop fifo colls carrier compressed}); counter stems are built from them
   * ({@code receive_bytes} ... {@code transmit_compressed}), as node_exporter's /proc parser always did. Each further
   * line is {@code <device>: <value>...} with one unsigned 64-bit value per column.
   *
   * <p>Note the kernel folds several netlink counters into one column here: {@code drop} is rx_dropped +
   * rx_missed_errors, {@code frame} the sum of the rx length/over/crc/frame errors and {@code carrier} the sum of the
   * tx carrier/aborted/window/heartbeat errors.
   *
   * @param path the file, for error messages
   * @throws MalformedFileException when the header is missing or a device line does not match it
   */
  public static List<NetDevStats> parse(Path path, String text) throws MalformedFileException {
    String[] lines = Tokens.split(text, '\n');
    if (lines.length < 2 || !lines[0].contains("|") || lines[1].indexOf('|') < 0) {
      throw new MalformedFileException(path, 1, lines.length > 0 ? lines[0] : "", "expected the two header lines");
    }
    List<String> stems = headerStems(path, lines[1]);
    List<NetDevStats> devices = new ArrayList<>();
    for (int i = 2; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      devices.add(parseDevice(path, i + 1, line, stems));
    }
    return List.copyOf(devices);
  }

  /** {@code " face |bytes packets ...|bytes packets ..."} to {@code receive_bytes, ..., transmit_bytes, ...}. */
  private static List<String> headerStems(Path path, String header) throws MalformedFileException {
    String[] parts = Tokens.splitAll(header, '|');
    if (parts.length != 3) {
      throw new MalformedFileException(path, 2, header, "expected interface, receive and transmit column groups");
    }
    List<String> stems = new ArrayList<>();
    for (String column : TextFields.split(parts[1])) {
      stems.add("receive_" + column);
    }
    for (String column : TextFields.split(parts[2])) {
      stems.add("transmit_" + column);
    }
    return stems;
  }

  private static NetDevStats parseDevice(Path path, int lineNo, String line, List<String> stems)
      throws MalformedFileException {
    // Device names cannot contain ':' (dev_valid_name), and old kernels print "eth0:123" with no space after it.
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new MalformedFileException(path, lineNo, line, "expected \"<device>: <counters>\"");
    }
    String device = line.substring(0, colon).trim();
    List<String> values = TextFields.split(line.substring(colon + 1));
    if (device.isEmpty() || values.size() != stems.size()) {
      throw new MalformedFileException(
          path, lineNo, line, "expected a device name and " + stems.size() + " counters");
    }
    Map<String, Double> counters = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      counters.put(stems.get(i), parseCounter(path, lineNo, line, values.get(i)));
    }
    return new NetDevStats(device, counters);
  }

  /** An unsigned 64-bit decimal counter as a double (what node_exporter exposes). */
  public static double parseCounter(Path path, int lineNo, String line, String value)
      throws MalformedFileException {
    try {
      long raw = Long.parseUnsignedLong(value);
      return raw >= 0 ? raw : (raw >>> 1) * 2.0 + (raw & 1);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, lineNo, line, "not an unsigned counter: " + value);
    }
  }
}
