package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Processor identity: {@code /proc/cpuinfo} (proc(5); the keys are architecture-specific, see
 * arch/x86/kernel/cpu/proc.c). One block per logical CPU, separated by blank lines, of {@code "key\t: value"} lines.
 *
 * @param processors the blocks that name a {@code processor}, in file order
 */
public record Cpuinfo(List<Processor> processors) {

  public Cpuinfo {
    processors = List.copyOf(processors);
  }

  /** Reads and parses {@code <procfs>/cpuinfo}. */
  public static Cpuinfo read(ProcFs proc) throws IOException {
    return parse(proc.path("cpuinfo"), proc.read("cpuinfo"));
  }

  /**
   * Parses {@code /proc/cpuinfo}. Blocks without a {@code processor} key (the trailing Hardware/Revision block of
   * 32-bit ARM) are skipped.
   *
   * @throws MalformedFileException on a non-blank line without a colon, or a processor number that is not an integer
   */
  public static Cpuinfo parse(Path path, String text) throws MalformedFileException {
    List<Processor> processors = new ArrayList<>();
    Map<String, String> block = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      if (line.isBlank()) {
        addBlock(path, lineNo, block, processors);
        block.clear();
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new MalformedFileException(path, lineNo, line, "expected \"key : value\"");
      }
      block.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
    }
    addBlock(path, lineNo, block, processors);
    return new Cpuinfo(processors);
  }

  private static void addBlock(Path path, int lineNo, Map<String, String> block, List<Processor> out)
      throws MalformedFileException {
    String number = block.get("processor");
    if (number == null) {
      return;
    }
    try {
      Integer.parseInt(number);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, lineNo, "processor\t: " + number, "expected an integer processor");
    }
    out.add(new Processor(block));
  }

  /**
   * One logical CPU's block.
   *
   * @param fields the block's keys and values, in file order, both trimmed
   */
  public record Processor(Map<String, String> fields) {

    public Processor {
      fields = OrderedMaps.copyOf(fields);
    }

    /** The value of {@code key} ({@code "model name"}, {@code "core id"}), or "" when this CPU has none. */
    public String get(String key) {
      return fields.getOrDefault(key, "");
    }
  }
}
