package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One InfiniBand HCA: {@code /sys/class/infiniband/<device>/} and its {@code ports/<n>/} with the PMA counters in
 * {@code counters/} and, on mlx4, the 64-bit {@code counters_ext/} (drivers/infiniband/core/sysfs.c;
 * Documentation/ABI/stable/sysfs-class-infiniband). Counter values are kept as the kernel prints them; the data
 * counters count 4-octet words.
 *
 * @param name {@code mlx5_0}
 * @param boardId {@code board_id}, absent when the file is
 * @param firmwareVersion {@code fw_ver}
 * @param hcaType {@code hca_type}
 * @param ports sorted by directory name
 */
public record InfinibandDevice(
    String name, Optional<String> boardId, Optional<String> firmwareVersion, Optional<String> hcaType,
    List<Port> ports) {

  /**
   * One port.
   *
   * @param port the port number
   * @param stateId the number before the colon in {@code state} ({@code 4: ACTIVE})
   * @param physicalStateId the number in {@code phys_state} ({@code 5: LinkUp})
   * @param rateBytesPerSecond {@code rate} ({@code 100 Gb/sec (4X EDR)}) in bytes per second
   * @param counters {@code counters/} files by name; a counter reading {@code N/A (no PMA)} is left out
   * @param extendedCounters {@code counters_ext/} files by name, empty when the directory is absent
   */
  public record Port(
      long port, long stateId, long physicalStateId, long rateBytesPerSecond, Map<String, Long> counters,
      Map<String, Long> extendedCounters) {}

  /** The {@code counters/} files node_exporter 1.5 reports (others are not read, so cannot fail the scrape). */
  public static final Set<String> COUNTERS = Set.of(
      "excessive_buffer_overrun_errors", "link_downed", "link_error_recovery", "local_link_integrity_errors",
      "multicast_rcv_packets", "multicast_xmit_packets", "port_rcv_constraint_errors", "port_rcv_data",
      "port_rcv_discards", "port_rcv_errors", "port_rcv_packets", "port_rcv_remote_physical_errors",
      "port_rcv_switch_relay_errors", "port_xmit_constraint_errors", "port_xmit_data", "port_xmit_discards",
      "port_xmit_packets", "port_xmit_wait", "symbol_error", "unicast_rcv_packets", "unicast_xmit_packets",
      "VL15_dropped");

  /** The {@code counters_ext/} files node_exporter 1.5 reports. */
  public static final Set<String> EXTENDED_COUNTERS = Set.of(
      "port_multicast_rcv_packets", "port_multicast_xmit_packets", "port_rcv_data_64", "port_rcv_packets_64",
      "port_unicast_rcv_packets", "port_unicast_xmit_packets", "port_xmit_data_64", "port_xmit_packets_64");

  /** The class directory node_exporter lists. */
  public static Path classDirectory(SysFs sys) {
    return sys.path("class", "infiniband");
  }

  /**
   * Reads every device, sorted by name.
   *
   * @throws java.nio.file.NoSuchFileException when the class directory, a device's {@code ports/}, or a port's
   *     {@code state}, {@code phys_state}, {@code rate} or {@code counters/} is absent
   * @throws MalformedFileException when a port attribute or counter cannot be parsed: as in node_exporter, this fails
   *     the whole read
   */
  public static List<InfinibandDevice> readAll(SysFs sys) throws IOException {
    List<InfinibandDevice> devices = new ArrayList<>();
    for (Path dir : SysfsDirs.subdirectories(classDirectory(sys))) {
      List<Port> ports = new ArrayList<>();
      for (Path portDir : SysfsDirs.subdirectories(dir.resolve("ports"))) {
        ports.add(readPort(portDir));
      }
      devices.add(new InfinibandDevice(dir.getFileName().toString(), SysFs.readAttribute(dir.resolve("board_id")),
          SysFs.readAttribute(dir.resolve("fw_ver")), SysFs.readAttribute(dir.resolve("hca_type")),
          List.copyOf(ports)));
    }
    return List.copyOf(devices);
  }

  private static Port readPort(Path dir) throws IOException {
    String name = dir.getFileName().toString();
    long port;
    try {
      port = Uint64.parse(name);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(dir, 1, name, "expected a port number as directory name");
    }
    Path ext = dir.resolve("counters_ext");
    return new Port(port, stateId(dir.resolve("state")), stateId(dir.resolve("phys_state")),
        rate(dir.resolve("rate")), counters(dir.resolve("counters"), COUNTERS),
        Files.isDirectory(ext) ? counters(ext, EXTENDED_COUNTERS) : Map.of());
  }

  /** {@code 4: ACTIVE} -> 4. */
  private static long stateId(Path file) throws IOException {
    String text = ProcFs.readText(file).trim();
    int colon = text.indexOf(": ");
    try {
      return Uint64.parse(colon < 0 ? text : text.substring(0, colon));
    } catch (NumberFormatException e) {
      throw new MalformedFileException(file, 1, text, "expected \"<id>: <NAME>\"");
    }
  }

  /** {@code 56 Gb/sec (4X FDR)} -> 7e9 bytes per second, truncated to an integer as node_exporter does. */
  private static long rate(Path file) throws IOException {
    String text = ProcFs.readText(file).trim();
    int space = text.indexOf(' ');
    if (space < 0) {
      throw new MalformedFileException(file, 1, text, "expected \"<n> Gb/sec ...\"");
    }
    var gbits = GoStrconv.parseFloat(text.substring(0, space));
    if (gbits.isEmpty()) {
      throw new MalformedFileException(file, 1, text, "expected \"<n> Gb/sec ...\"");
    }
    return (long) (gbits.getAsDouble() * 1e9 / 8);
  }

  private static Map<String, Long> counters(Path dir, Set<String> known) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        if (!known.contains(file.getFileName().toString()) || !Files.isRegularFile(file)) {
          continue;
        }
        Optional<String> text = SysFs.readAttribute(file);
        if (text.isEmpty()) {
          continue; // EINVAL/EOPNOTSUPP: the HCA does not count this
        }
        try {
          out.put(file.getFileName().toString(), Uint64.parseAnyBase(text.get()));
        } catch (NumberFormatException e) {
          // kernels before 4.20 print this for counters the port's PMA lacks
          if (!text.get().contains("N/A (no PMA)")) {
            throw new MalformedFileException(file, 1, text.get(), "expected a counter");
          }
        }
      }
    }
    return Map.copyOf(out);
  }
}
