package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel samepage merging: the files of {@code /sys/kernel/mm/ksm/} (kernel Documentation/admin-guide/mm/ksm.rst),
 * one unsigned integer each. Only the nine files node_exporter exports are read; {@code merge_across_nodes} needs
 * Linux 3.9, the others 2.6.32.
 *
 * @param values file name to value, in {@link #FILES} order
 */
public record Ksm(Map<String, Long> values) {

  /** The files read, in node_exporter's order. */
  public static final List<String> FILES = List.of("full_scans", "merge_across_nodes", "pages_shared",
      "pages_sharing", "pages_to_scan", "pages_unshared", "pages_volatile", "run", "sleep_millisecs");

  public Ksm {
    values = OrderedMaps.copyOf(values);
  }

  /** The directory; absent on kernels without CONFIG_KSM. */
  public static Path directory(SysFs sys) {
    return sys.path("kernel", "mm", "ksm");
  }

  /**
   * Reads every file of {@link #FILES}.
   *
   * @throws IOException when one is missing or unreadable, or does not hold one non-negative integer
   */
  public static Ksm read(SysFs sys) throws IOException {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String file : FILES) {
      Path path = directory(sys).resolve(file);
      values.put(file, parseValue(path, ProcFs.readText(path)));
    }
    return new Ksm(values);
  }

  /** One file's content: {@code "100\n"}. */
  static long parseValue(Path path, String text) throws MalformedFileException {
    String value = text.strip();
    try {
      return Long.parseUnsignedLong(value);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, 1, value, "expected one non-negative integer");
    }
  }
}
