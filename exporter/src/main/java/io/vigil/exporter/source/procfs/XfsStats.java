package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import io.vigil.exporter.source.TextFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * XFS statistics of one filesystem, {@code /sys/fs/xfs/<device>/stats/stats} (Linux 4.4+), or of all of them,
 * {@code /proc/fs/xfs/stat} (the same format; a link to {@code /sys/fs/xfs/stats/stats} on current kernels). The
 * format is fs/xfs/xfs_stats.c's: a name and its counters per line ({@code extent_alloc 184523 29374211 92012
 * 14382276}); field meanings are listed at https://xfs.wiki.kernel.org/ ("Runtime Stats").
 *
 * <p>Counters are the kernel's 32-bit per-CPU sums, except {@code xpc} (64-bit byte counts). Lines known to have a
 * fixed length are checked, as prometheus/procfs does; {@code vnodes} has 7 fields on old kernels and 8 since
 * {@code free} was added. Lines added by newer kernels ({@code rmapbt_mem}, {@code defer_relog}) are kept as read.
 *
 * @param device the filesystem's block device name ({@code dm-0}), or empty for the system-wide file
 * @param lines every line's counters, by name, in file order
 */
public record XfsStats(String device, Map<String, List<Long>> lines) {

  /** Lines with a fixed number of counters (procfs' checks). */
  private static final Map<String, Integer> LENGTHS = Map.ofEntries(
      Map.entry("extent_alloc", 4), Map.entry("abt", 4), Map.entry("blk_map", 7), Map.entry("bmbt", 4),
      Map.entry("dir", 4), Map.entry("trans", 3), Map.entry("ig", 7), Map.entry("log", 5), Map.entry("rw", 2),
      Map.entry("attr", 4), Map.entry("icluster", 3), Map.entry("buf", 9), Map.entry("xpc", 3));

  private static final long UINT32_MAX = 0xffffffffL;

  public XfsStats {
    Map<String, List<Long>> copy = new LinkedHashMap<>();
    lines.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    lines = OrderedMaps.copyOf(copy);
  }

  /** The counters of line {@code name}, if the kernel printed it. */
  public Optional<List<Long>> line(String name) {
    return Optional.ofNullable(lines.get(name));
  }

  /**
   * Reads {@code <sysfs>/fs/xfs/<device>/stats/stats} for every mounted XFS filesystem, sorted by device; empty
   * when XFS is not loaded or nothing is mounted (node_exporter then reports nothing and succeeds).
   */
  public static List<XfsStats> readAll(SysFs sys) throws IOException {
    Path root = sys.path("fs", "xfs");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<XfsStats> all = new ArrayList<>();
    for (Path dir : SysfsDirs.subdirectories(root)) {
      Path file = dir.resolve("stats").resolve("stats");
      if (Files.isRegularFile(file)) {
        all.add(parse(dir.getFileName().toString(), file, ProcFs.readText(file)));
      }
    }
    return List.copyOf(all);
  }

  /**
   * Parses one stats file. Lines with fewer than two fields are skipped.
   *
   * @throws MalformedFileException on a counter that is not an unsigned integer (or above 2^32 - 1 outside
   *     {@code xpc}), or a known line with the wrong number of counters
   */
  public static XfsStats parse(String device, Path path, String text) throws MalformedFileException {
    Map<String, List<Long>> lines = new LinkedHashMap<>();
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      List<String> fields = TextFields.split(line);
      if (fields.size() < 2) {
        continue;
      }
      String name = fields.get(0);
      boolean wide = name.equals("xpc");
      List<Long> values = new ArrayList<>(fields.size() - 1);
      for (int i = 1; i < fields.size(); i++) {
        long v;
        try {
          v = Uint64.parse(fields.get(i));
        } catch (NumberFormatException e) {
          throw new MalformedFileException(path, lineNo, line, "expected unsigned integers");
        }
        if (!wide && Long.compareUnsigned(v, UINT32_MAX) > 0) {
          throw new MalformedFileException(path, lineNo, line, "expected 32-bit counters");
        }
        values.add(v);
      }
      Integer expected = LENGTHS.get(name);
      boolean wrongLength = expected != null ? values.size() != expected
          : name.equals("vnodes") && values.size() != 7 && values.size() != 8;
      if (wrongLength) {
        throw new MalformedFileException(path, lineNo, line,
            "expected " + (expected != null ? expected : "7 or 8") + " counters for " + name);
      }
      lines.put(name, values);
    }
    return new XfsStats(device, lines);
  }
}
