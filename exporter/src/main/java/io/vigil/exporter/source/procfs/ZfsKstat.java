package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import io.vigil.exporter.source.TextFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named ZFS kstat: {@code /proc/spl/kstat/zfs/<name>} ({@code arcstats}, {@code zil}, ...) or a dataset's
 * {@code /proc/spl/kstat/zfs/<pool>/objset-<id>} (OpenZFS module/os/linux/spl/spl-kstat.c). After a kstat header
 * line comes a {@code name type data} header and one {@code name type data} line per statistic; the type is the
 * KSTAT_DATA_* number (4 = uint64, 3 = int64, 7 = string).
 *
 * <p>As in node_exporter 1.5, only uint64 statistics are kept: int64 ones (which may be negative, like
 * {@code memory_available_bytes}) are skipped.
 *
 * @param uint64s the type-4 statistics, by name, in file order
 * @param strings the type-7 statistics ({@code dataset_name}), by name
 */
public record ZfsKstat(Map<String, Long> uint64s, Map<String, String> strings) {

  public static final String TYPE_UINT64 = "4";
  public static final String TYPE_STRING = "7";

  public ZfsKstat {
    uint64s = OrderedMaps.copyOf(uint64s);
    strings = OrderedMaps.copyOf(strings);
  }

  public Optional<String> string(String name) {
    return Optional.ofNullable(strings.get(name));
  }

  /** Reads and parses a kstat file. */
  public static ZfsKstat read(Path file) throws IOException {
    return parse(file, ProcFs.readText(file));
  }

  /**
   * Parses a named kstat.
   *
   * @throws MalformedFileException without a {@code name type data} header, or on a uint64 statistic whose value
   *     is not an unsigned integer
   */
  public static ZfsKstat parse(Path path, String text) throws MalformedFileException {
    Map<String, Long> uint64s = new LinkedHashMap<>();
    Map<String, String> strings = new LinkedHashMap<>();
    boolean header = false;
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      List<String> fields = TextFields.split(line);
      if (!header) {
        header = fields.equals(List.of("name", "type", "data"));
        continue;
      }
      if (fields.size() < 3) {
        continue;
      }
      String name = fields.get(0);
      switch (fields.get(1)) {
        case TYPE_UINT64 -> {
          try {
            uint64s.putIfAbsent(name, Uint64.parse(fields.get(2)));
          } catch (NumberFormatException e) {
            throw new MalformedFileException(path, lineNo, line, "expected an unsigned integer for " + name);
          }
        }
        case TYPE_STRING -> strings.putIfAbsent(name, fields.get(2));
        default -> { } // int64, int32, ... : not reported
      }
    }
    if (!header) {
      throw new MalformedFileException(path, 0, null, "no \"name type data\" header");
    }
    return new ZfsKstat(uint64s, strings);
  }
}
