package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interrupt counts per CPU: {@code /proc/interrupts} (kernel/irq/proc.c {@code show_interrupts}, plus the
 * architecture's lines from {@code arch_show_interrupts}; see proc(5) and Documentation/filesystems/proc.rst). A header
 * of one {@code CPU<n>} column per online CPU, then one line per interrupt:
 * <pre>
 *  128:     512447          0          0          0  IR-PCI-MSIX-0000:03:00.0    1-edge      nvme0q1
 *  LOC:     686976     477624     939063     559243   Local timer interrupts
 *  ERR:          0
 * </pre>
 * A numbered interrupt has its chip after the counts and then the hardware IRQ, trigger and device names; a named
 * one (NMI, LOC, RES, IPI0 on arm64, ...) has a description. Lines with a single total (ERR, MIS) are skipped, as
 * node_exporter skips them.
 *
 * @param cpuCount the number of CPU columns in the header
 * @param interrupts by name, in file order
 */
public record Interrupts(int cpuCount, Map<String, Interrupts.Interrupt> interrupts) {

  public Interrupts {
    interrupts = OrderedMaps.copyOf(interrupts);
  }

  /**
   * One interrupt line.
   *
   * @param info the chip of a numbered interrupt ({@code IR-IO-APIC}, {@code IR-PCI-MSIX-0000:03:00.0}), else the
   *     description ({@code Local timer interrupts})
   * @param devices the rest of a numbered interrupt's line ({@code 1-edge nvme0q1}); empty for named ones
   * @param counts one count per CPU column, in header order
   */
  public record Interrupt(String info, String devices, List<Long> counts) {
    public Interrupt {
      counts = List.copyOf(counts);
    }
  }

  /** Reads and parses {@code <procfs>/interrupts}. */
  public static Interrupts read(ProcFs proc) throws IOException {
    return parse(proc.path("interrupts"), proc.read("interrupts"));
  }

  /**
   * Parses the file. The name ends at the first colon: arm64 may print no space between a long name and its first
   * count.
   *
   * @throws MalformedFileException on an empty file or header, a line without a colon, or a count that is not an
   *     integer
   */
  public static Interrupts parse(Path path, String text) throws MalformedFileException {
    List<String> lines = text.lines().toList();
    int cpus = lines.isEmpty() ? 0 : Tokens.fields(lines.get(0)).size();
    if (cpus == 0) {
      throw new MalformedFileException(path, 1, lines.isEmpty() ? null : lines.get(0), "no CPU header line");
    }
    Map<String, Interrupt> out = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new MalformedFileException(path, i + 1, line, "expected \"<name>: <count per CPU> ...\"");
      }
      List<String> parts = Tokens.fields(line.substring(colon + 1));
      if (parts.size() < cpus + 1) {
        continue; // ERR, MIS: one total, no per-CPU counts
      }
      String name = line.substring(0, colon).trim();
      List<Long> counts = new ArrayList<>(cpus);
      for (int c = 0; c < cpus; c++) {
        try {
          counts.add(Long.parseLong(parts.get(c)));
        } catch (NumberFormatException e) {
          throw new MalformedFileException(path, i + 1, line, "not a count: " + parts.get(c));
        }
      }
      List<String> rest = parts.subList(cpus, parts.size());
      boolean numbered = !name.isEmpty() && name.chars().allMatch(Character::isDigit);
      Interrupt irq = numbered
          ? new Interrupt(rest.get(0), String.join(" ", rest.subList(1, rest.size())), counts)
          : new Interrupt(String.join(" ", rest), "", counts);
      out.put(name, irq);
    }
    return new Interrupts(cpus, out);
  }
}
