package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * One per-CPU statistics table under {@code /proc/net/stat/} ({@code arp_cache}, {@code ndisc_cache},
 * {@code nf_conntrack}, {@code rt_cache}, {@code synproxy}, ...), the files {@code lnstat(8)} reads: a header line
 * of column names, then one line of hexadecimal counters per possible CPU. The layout is not documented beyond the
 * printing code (net/core/neighbour.c, net/ipv4/route.c, net/netfilter/nf_conntrack_standalone.c); columns are
 * found by name, so a kernel that adds or drops one still parses.
 *
 * @param name the file name, {@code lnstat}'s subsystem
 * @param columns the column names of the header, in file order
 * @param rows one list of counters per CPU row, each as long as {@code columns}
 */
public record NetStatFile(String name, List<String> columns, List<List<Long>> rows) {

  public NetStatFile {
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
  }

  /** The directory; absent on kernels without networking. */
  public static Path directory(ProcFs proc) {
    return proc.path("net", "stat");
  }

  /** Reads and parses {@code <procfs>/net/stat/<name>}. */
  public static NetStatFile read(ProcFs proc, String name) throws IOException {
    Path path = proc.path("net", "stat", name);
    return parse(path, name, ProcFs.readText(path));
  }

  /** Reads every file of {@code <procfs>/net/stat/}, sorted by name. */
  public static List<NetStatFile> readAll(ProcFs proc) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(directory(proc))) {
      for (Path p : dir) {
        names.add(p.getFileName().toString());
      }
    }
    names.sort(null);
    List<NetStatFile> out = new ArrayList<>(names.size());
    for (String n : names) {
      out.add(read(proc, n));
    }
    return out;
  }

  /**
   * Parses one table.
   *
   * @throws MalformedFileException on an empty file, a row whose length differs from the header's, or a counter that
   *     is not hexadecimal
   */
  public static NetStatFile parse(Path path, String name, String text) throws MalformedFileException {
    List<String> lines = text.lines().toList();
    List<String> columns = lines.isEmpty() ? List.of() : Tokens.fields(lines.get(0));
    if (columns.isEmpty()) {
      throw new MalformedFileException(path, 1, lines.isEmpty() ? null : lines.get(0), "no header line");
    }
    List<List<Long>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      List<String> fields = Tokens.fields(line);
      if (fields.isEmpty()) {
        continue;
      }
      if (fields.size() != columns.size()) {
        throw new MalformedFileException(
            path, i + 1, line, "expected " + columns.size() + " counters as in the header, found " + fields.size());
      }
      List<Long> row = new ArrayList<>(fields.size());
      for (String f : fields) {
        try {
          row.add(Long.parseLong(f, 16));
        } catch (NumberFormatException e) {
          throw new MalformedFileException(path, i + 1, line, "not a hexadecimal counter: " + f);
        }
      }
      rows.add(row);
    }
    return new NetStatFile(name, columns, rows);
  }

  /** The sum of one column over all CPUs; absent when this kernel has no such column. */
  public OptionalLong sum(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      return OptionalLong.empty();
    }
    long total = 0;
    for (List<Long> row : rows) {
      total += row.get(index);
    }
    return OptionalLong.of(total);
  }
}
