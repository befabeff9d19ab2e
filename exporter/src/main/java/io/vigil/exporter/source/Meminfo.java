package io.vigil.exporter.source;

import java.util.List;
import java.util.Optional;

/**
 * Memory usage: {@code /proc/meminfo} on Linux (see proc(5)); OSHI's memory and swap figures elsewhere.
 *
 * @param fields every field, in file order
 */
public record Meminfo(List<Field> fields) {

  public Meminfo {
    fields = List.copyOf(fields);
  }

  /** The field of this name ({@code MemAvailable}, {@code Active_anon}), if the kernel or platform reports it. */
  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
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
