package io.vigil.exporter.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Memory usage: {@code /proc/meminfo} on Linux (see proc(5) and kernel Documentation/filesystems/proc.rst,
 * "meminfo"); OSHI's memory and swap figures elsewhere.
 *
 * @param fields every field, in file order
 */
public record Meminfo(List<Field> fields) {

  private static final double KIB = 1024;

  public Meminfo {
    fields = List.copyOf(fields);
  }

  /** The field of this name ({@code MemAvailable}, {@code Active_anon}), if the kernel or platform reports it. */
  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The value in bytes of a field the kernel gives in kB; empty when absent or a plain count. */
  public OptionalDouble bytes(String name) {
    return field(name).filter(Field::bytes).map(f -> OptionalDouble.of(f.value())).orElse(OptionalDouble.empty());
  }

  /**
   * Parses {@code /proc/meminfo}: lines {@code "MemTotal:       24684084 kB"} (kB converted to bytes) or
   * {@code "HugePages_Total:       0"} (a plain count). Blank lines are skipped (some 3.10 vendor kernels print one).
   *
   * @param path the file, for error messages
   * @throws MalformedFileException on an empty file, a line without a colon-terminated name, a non-numeric value or
   *     a unit other than kB
   */
  public static Meminfo parse(Path path, String text) throws MalformedFileException {
    List<Field> fields = new ArrayList<>();
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      List<String> parts = Tokens.fields(line);
      if (parts.isEmpty()) {
        continue;
      }
      String key = parts.get(0);
      if (parts.size() < 2 || parts.size() > 3 || key.length() < 2 || !key.endsWith(":")) {
        throw new MalformedFileException(path, lineNo, line, "expected \"Name: value [kB]\"");
      }
      double value;
      try {
        value = Long.parseLong(parts.get(1));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "expected an integer value");
      }
      boolean inKib = parts.size() == 3;
      if (inKib && !parts.get(2).equals("kB")) {
        throw new MalformedFileException(path, lineNo, line, "expected the unit kB");
      }
      fields.add(new Field(metricName(key.substring(0, key.length() - 1)), inKib ? value * KIB : value, inKib));
    }
    if (fields.isEmpty()) {
      throw new MalformedFileException(path, 0, null, "no fields");
    }
    return new Meminfo(fields);
  }

  /** node_exporter's spelling: {@code Active(anon)} becomes {@code Active_anon}. */
  static String metricName(String key) {
    int open = key.indexOf('(');
    if (open < 0) {
      return key;
    }
    return key.substring(0, open) + "_" + key.substring(open + 1).replace(")", "");
  }

  /**
   * One meminfo field.
   *
   * @param name node_exporter's spelling of the key: {@code Active(anon)} becomes {@code Active_anon}
   * @param value bytes when {@code bytes}, else a plain count (the HugePages_* fields)
   * @param bytes whether the kernel gave the value in kB (converted to bytes here)
   */
  public record Field(String name, double value, boolean bytes) {}
}
