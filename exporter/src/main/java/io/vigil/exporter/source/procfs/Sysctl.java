package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One kernel parameter under {@code /proc/sys} (kernel Documentation/admin-guide/sysctl/): the dotted name
 * {@code vm.swappiness} is the file {@code /proc/sys/vm/swappiness}. Most hold one integer; some hold several
 * whitespace-separated values ({@code kernel.printk}: {@code "4\t4\t1\t7"}).
 *
 * @param name the dotted name, as {@code sysctl(8)} spells it
 * @param path the file it was read from, for error messages
 * @param values the whitespace-separated values, in file order
 */
public record Sysctl(String name, Path path, List<String> values) {

  public Sysctl {
    values = List.copyOf(values);
  }

  /** The file of a dotted name: {@code net.ipv4.ip_forward} is {@code <procfs>/sys/net/ipv4/ip_forward}. */
  public static Path path(ProcFs proc, String name) {
    return proc.path("sys", name.replace('.', '/'));
  }

  /** Reads {@code <procfs>/sys/<name with dots as slashes>}. */
  public static Sysctl read(ProcFs proc, String name) throws IOException {
    Path path = path(proc, name);
    return parse(path, name, ProcFs.readText(path));
  }

  /** Splits the file into its values; an empty file has none. */
  public static Sysctl parse(Path path, String name, String text) {
    return new Sysctl(name, path, Tokens.fields(text.strip().replace('\n', ' ')));
  }

  /**
   * The values as integers.
   *
   * @throws MalformedFileException when a value is not a (signed, 64-bit) integer
   */
  public List<Long> integers() throws MalformedFileException {
    List<Long> out = new ArrayList<>(values.size());
    for (String v : values) {
      try {
        out.add(Long.parseLong(v));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, 1, String.join(" ", values), "not an integer: " + v);
      }
    }
    return out;
  }

  /**
   * The value of a one-value parameter that cannot be negative ({@code nf_conntrack_count}, {@code entropy_avail}).
   *
   * @throws MalformedFileException unless the file holds exactly one non-negative integer
   */
  public long unsigned() throws MalformedFileException {
    String line = String.join(" ", values);
    if (values.size() != 1) {
      throw new MalformedFileException(path, 1, line, "expected one non-negative integer");
    }
    try {
      return Long.parseUnsignedLong(values.get(0));
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, 1, line, "expected one non-negative integer");
    }
  }

  /** Reads a one-value parameter that cannot be negative: {@code readUnsigned(proc, "kernel.random.poolsize")}. */
  public static long readUnsigned(ProcFs proc, String name) throws IOException {
    return read(proc, name).unsigned();
  }
}
