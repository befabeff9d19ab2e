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
 * One bcache cache set: {@code /sys/fs/bcache/<set-uuid>/} with its backing devices ({@code bdev<N>}) and cache
 * devices ({@code cache<N>}) (Documentation/admin-guide/bcache.rst, "Sysfs - cache set", "Sysfs - backing device",
 * "Sysfs - cache device").
 *
 * <p>Sizes are printed by the kernel's {@code bch_hprint} ({@code 98.5M}, {@code 1.6G}); they are converted back
 * to bytes exactly as prometheus/procfs does, including its reading of the one fractional digit as tenths of 1024
 * ({@code 9.8k} = (9 + 8/10.24) * 1024 = 10016). An attribute the kernel does not provide is absent.
 *
 * @param uuid the set's directory name
 * @param values set attributes read, by path relative to the set directory ({@code average_key_size},
 *     {@code internal/btree_nodes}); see {@link #SET_ATTRIBUTES}
 * @param backingDevices {@code bdev<N>}, sorted by name
 * @param caches {@code cache<N>}, sorted by name
 */
public record BcacheSet(
    String uuid, Map<String, Long> values, List<BackingDevice> backingDevices, List<CacheDevice> caches) {

  /** Set attributes read (relative paths). */
  public static final List<String> SET_ATTRIBUTES =
      List.of("average_key_size", "btree_cache_size", "cache_available_percent", "congested", "root_usage_percent",
          "tree_depth", "internal/active_journal_entries", "internal/btree_nodes",
          "internal/btree_read_average_duration_us", "internal/cache_read_races");

  /** Counters of a {@code stats_total} directory. */
  public static final List<String> PERIOD_COUNTERS =
      List.of("bypassed", "cache_hits", "cache_misses", "cache_bypass_hits", "cache_bypass_misses",
          "cache_miss_collisions", "cache_readaheads");

  public BcacheSet {
    values = OrderedMaps.copyOf(values);
    backingDevices = List.copyOf(backingDevices);
    caches = List.copyOf(caches);
  }

  public Optional<Long> value(String attribute) {
    return Optional.ofNullable(values.get(attribute));
  }

  /**
   * A backing device of the set.
   *
   * @param name {@code bdev0}
   * @param dirtyData {@code dirty_data} in bytes
   * @param writebackRateDebug the {@code writeback_rate_debug} lines read: {@code rate} and {@code target} in bytes,
   *     {@code proportional}, {@code integral} and {@code change} signed
   * @param total the {@code stats_total/} counters, by file name ({@code bypassed} in bytes)
   */
  public record BackingDevice(
      String name, Optional<Long> dirtyData, Map<String, Long> writebackRateDebug, Map<String, Long> total) {
    public BackingDevice {
      writebackRateDebug = OrderedMaps.copyOf(writebackRateDebug);
      total = OrderedMaps.copyOf(total);
    }
  }

  /**
   * A cache device of the set.
   *
   * @param name {@code cache0}
   * @param values {@code io_errors}, {@code metadata_written}, {@code written} (bytes), as present
   * @param unusedPercent {@code priority_stats}' {@code Unused:}; absent unless priority stats were read
   * @param metadataPercent {@code priority_stats}' {@code Metadata:}; absent unless priority stats were read
   */
  public record CacheDevice(
      String name, Map<String, Long> values, Optional<Long> unusedPercent, Optional<Long> metadataPercent) {
    public CacheDevice {
      values = OrderedMaps.copyOf(values);
    }
  }

  /**
   * Reads every set under {@code <sysfs>/fs/bcache} (directories whose name contains a dash: the set UUIDs),
   * sorted; empty when bcache is not loaded.
   *
   * @param priorityStats also read {@code priority_stats}, which makes the kernel walk every bucket (expensive;
   *     node_exporter's {@code --collector.bcache.priorityStats})
   * @throws MalformedFileException on a value that is not a number
   */
  public static List<BcacheSet> readAll(SysFs sys, boolean priorityStats) throws IOException {
    Path root = sys.path("fs", "bcache");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<BcacheSet> sets = new ArrayList<>();
    for (Path dir : SysfsDirs.subdirectories(root)) {
      if (dir.getFileName().toString().contains("-")) {
        sets.add(read(dir, priorityStats));
      }
    }
    return List.copyOf(sets);
  }

  private static BcacheSet read(Path dir, boolean priorityStats) throws IOException {
    Map<String, Long> values = new LinkedHashMap<>();
    for (String attribute : SET_ATTRIBUTES) {
      human(dir.resolve(attribute)).ifPresent(v -> values.put(attribute, v));
    }
    List<BackingDevice> bdevs = new ArrayList<>();
    List<CacheDevice> caches = new ArrayList<>();
    for (Path sub : SysfsDirs.subdirectories(dir)) {
      String name = sub.getFileName().toString();
      if (numbered(name, "bdev")) {
        Map<String, Long> total = new LinkedHashMap<>();
        for (String counter : PERIOD_COUNTERS) {
          human(sub.resolve("stats_total").resolve(counter)).ifPresent(v -> total.put(counter, v));
        }
        bdevs.add(new BackingDevice(name, human(sub.resolve("dirty_data")), writebackRateDebug(sub), total));
      } else if (numbered(name, "cache")) {
        Map<String, Long> cacheValues = new LinkedHashMap<>();
        for (String attribute : List.of("io_errors", "metadata_written", "written")) {
          human(sub.resolve(attribute)).ifPresent(v -> cacheValues.put(attribute, v));
        }
        Optional<Long> unused = Optional.empty();
        Optional<Long> metadata = Optional.empty();
        if (priorityStats) {
          Path file = sub.resolve("priority_stats");
          Optional<String> text = SysFs.readAttribute(file);
          if (text.isPresent()) {
            unused = percent(file, text.get(), "Unused:");
            metadata = percent(file, text.get(), "Metadata:");
          }
        }
        caches.add(new CacheDevice(name, cacheValues, unused, metadata));
      }
    }
    return new BcacheSet(dir.getFileName().toString(), values, bdevs, caches);
  }

  /** {@code prefix} followed by a digit (procfs' globs {@code bdev[0-9]*} and {@code cache[0-9]*}). */
  private static boolean numbered(String name, String prefix) {
    return name.length() > prefix.length() && name.startsWith(prefix)
        && Character.isDigit(name.charAt(prefix.length()));
  }

  /** {@code writeback_rate_debug}: {@code rate: 2.1M/sec}, {@code target: 4.2G}, {@code proportional: -65.1k}. */
  private static Map<String, Long> writebackRateDebug(Path bdev) throws MalformedFileException {
    Path file = bdev.resolve("writeback_rate_debug");
    Map<String, Long> values = new LinkedHashMap<>();
    Optional<String> text = SysFs.readAttribute(file);
    if (text.isEmpty()) {
      return values;
    }
    int lineNo = 0;
    for (String line : text.get().split("\n")) {
      lineNo++;
      List<String> fields = TextFields.split(line);
      if (fields.isEmpty()) {
        continue;
      }
      String last = fields.get(fields.size() - 1);
      try {
        if (line.startsWith("rate:")) {
          values.put("rate", dehumanize(stripSuffix(last, "/sec")));
        } else if (line.startsWith("target:")) {
          values.put("target", dehumanize(last));
        } else if (line.startsWith("proportional:")) {
          values.put("proportional", dehumanizeSigned(last));
        } else if (line.startsWith("integral:")) {
          values.put("integral", dehumanizeSigned(last));
        } else if (line.startsWith("change:")) {
          values.put("change", dehumanizeSigned(stripSuffix(last, "/sec")));
        } else if (line.startsWith("dirty:")) {
          dehumanize(last); // not reported, but checked as upstream does
        } else if (line.startsWith("next io:")) {
          Long.parseLong(stripSuffix(last, "ms"));
        }
      } catch (NumberFormatException e) {
        throw new MalformedFileException(file, lineNo, line, "expected a bcache size (\"1.6G\")");
      }
    }
    return values;
  }

  private static Optional<Long> percent(Path file, String text, String prefix) throws MalformedFileException {
    int lineNo = 0;
    for (String line : text.split("\n")) {
      lineNo++;
      if (line.startsWith(prefix)) {
        List<String> fields = TextFields.split(line);
        try {
          return Optional.of(Uint64.parse(stripSuffix(fields.get(fields.size() - 1), "%")));
        } catch (NumberFormatException e) {
          throw new MalformedFileException(file, lineNo, line, "expected a percentage");
        }
      }
    }
    return Optional.empty();
  }

  /** A {@code bch_hprint} value of {@code file}; absent when the file is. */
  private static Optional<Long> human(Path file) throws MalformedFileException {
    Optional<String> text = SysFs.readAttribute(file);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(dehumanize(text.get()));
    } catch (NumberFormatException e) {
      throw new MalformedFileException(file, 1, text.get(), "expected a number or a bcache size (\"98.5M\")");
    }
  }

  /**
   * Converts {@code bch_hprint} output back to a number as prometheus/procfs does: a trailing unit letter
   * (k M G T P E Z Y, powers of 1024; any other letter gives 0) multiplies the value, and the fractional digit(s)
   * count in units of 1/10.24.
   *
   * @throws NumberFormatException on an empty or non-numeric value
   */
  static long dehumanize(String s) {
    if (s.isEmpty()) {
      throw new NumberFormatException("empty value");
    }
    char last = s.charAt(s.length() - 1);
    if (last > '9') {
      double multiplier = switch (last) {
        case 'k' -> 0x1p10;
        case 'M' -> 0x1p20;
        case 'G' -> 0x1p30;
        case 'T' -> 0x1p40;
        case 'P' -> 0x1p50;
        case 'E' -> 0x1p60;
        case 'Z' -> 0x1p70;
        case 'Y' -> 0x1p80;
        default -> 0;
      };
      return toUint64(pseudoFloat(s.substring(0, s.length() - 1)) * multiplier);
    }
    return toUint64(parseFloat(s));
  }

  static long dehumanizeSigned(String s) {
    return s.startsWith("-") ? -dehumanize(s.substring(1)) : dehumanize(s);
  }

  /** {@code 9.8} as bcache means it: 9 + 8/10.24. */
  private static double pseudoFloat(String s) {
    int dot = s.indexOf('.');
    if (dot < 0) {
      return parseFloat(s);
    }
    int end = s.indexOf('.', dot + 1);
    String fraction = s.substring(dot + 1, end < 0 ? s.length() : end);
    return parseFloat(s.substring(0, dot)) + parseFloat(fraction) / 10.24;
  }

  /** Go's ParseFloat for the plain decimals sysfs prints (Java's extra suffixes and hex rejected). */
  private static double parseFloat(String s) {
    if (s.isEmpty() || !Character.isDigit(s.charAt(s.length() - 1)) || s.startsWith("0x")) {
      throw new NumberFormatException("not a number: \"" + s + "\"");
    }
    return Double.parseDouble(s);
  }

  /** Go's {@code uint64(float64)} for the non-negative values bcache prints. */
  private static long toUint64(double v) {
    if (v >= 0x1p63) {
      return (long) (v - 0x1p63) ^ Long.MIN_VALUE;
    }
    return (long) v;
  }

  private static String stripSuffix(String s, String suffix) {
    return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
  }
}
