package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Virtual memory statistics: {@code /proc/vmstat} (kernel Documentation/admin-guide/mm, include/linux/vm_event_item.h
 * and mm/vmstat.c list the fields; the set changes with every kernel release and configuration). Event counters and
 * page counts are exported as they are, unconverted, as node_exporter does.
 *
 * @param fields every {@code name value} pair, in file order
 */
public record Vmstat(Map<String, Long> fields) {

  public Vmstat {
    fields = OrderedMaps.copyOf(fields);
  }

  /** Reads and parses {@code <procfs>/vmstat}. */
  public static Vmstat read(ProcFs proc) throws IOException {
    return parse(proc.path("vmstat"), proc.read("vmstat"));
  }

  /**
   * Parses {@code /proc/vmstat}: one {@code "name value"} pair per line.
   *
   * @throws MalformedFileException on an empty file, a line without exactly two fields or a non-integer value
   */
  public static Vmstat parse(Path path, String text) throws MalformedFileException {
    LinkedHashMap<String, Long> fields = new LinkedHashMap<>();
    int lineNo = 0;
    // Scanned by index, not split into line and field lists: ~180 lines on every scrape.
    for (int start = 0; start < text.length(); ) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      lineNo++;
      String line = text.substring(start, end);
      start = end + 1;
      int space = line.indexOf(' ');
      if (space <= 0 || space == line.length() - 1 || line.indexOf(' ', space + 1) >= 0) {
        if (line.isBlank()) {
          continue;
        }
        List<String> parts = Tokens.fields(line); // unusual spacing: the general splitter decides
        if (parts.size() != 2) {
          throw new MalformedFileException(path, lineNo, line, "expected \"name value\"");
        }
        put(fields, path, lineNo, line, parts.get(0), parts.get(1));
        continue;
      }
      put(fields, path, lineNo, line, line.substring(0, space), line.substring(space + 1));
    }
    if (fields.isEmpty()) {
      throw new MalformedFileException(path, 0, null, "no fields");
    }
    return new Vmstat(OrderedMaps.adopt(fields));
  }

  private static void put(Map<String, Long> fields, Path path, int lineNo, String line, String name, String value)
      throws MalformedFileException {
    try {
      fields.put(name, Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, lineNo, line, "expected an integer value");
    }
  }
}
