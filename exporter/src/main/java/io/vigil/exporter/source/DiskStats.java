package io.vigil.exporter.source;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * I/O statistics of one block device: a line of {@code /proc/diskstats} on Linux (kernel
 * Documentation/admin-guide/iostats.rst); an OSHI disk store elsewhere.
 *
 * @param device kernel name ({@code sda}, {@code nvme0n1}, {@code md0})
 * @param major device major number (-1 where unknown)
 * @param minor device minor number (-1 where unknown)
 * @param values the counters this kernel or platform reports, in base units (bytes, seconds); absent ones are
 *     missing from the map, never 0
 */
public record DiskStats(String device, int major, int minor, Map<Counter, Double> values) {

  /** {@code /proc/diskstats} counts sectors of 512 bytes whatever the device's block size (iostats.rst). */
  public static final int SECTOR_BYTES = 512;

  /** Fields before the counters: major, minor, device name. */
  private static final int ID_FIELDS = 3;

  /** Counters of the oldest format we read (kernels before 4.18); 4.18 adds 4 discard fields, 5.5 two flush. */
  private static final int MIN_COUNTERS = 11;

  private static final Counter[] COUNTERS = Counter.values();

  public DiskStats {
    Objects.requireNonNull(device, "device");
    values = OrderedMaps.copyOf(values);
  }

  /** One counter, absent when this kernel or platform does not report it. */
  public OptionalDouble value(Counter counter) {
    Double v = values.get(counter);
    return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
  }

  /** The fields of iostats.rst, in file order, converted to base units (sectors are 512 bytes, times seconds). */
  public enum Counter {
    READS_COMPLETED(Unit.COUNT),
    READS_MERGED(Unit.COUNT),
    READ_BYTES(Unit.SECTORS_AS_BYTES),
    READ_TIME_SECONDS(Unit.MILLIS_AS_SECONDS),
    WRITES_COMPLETED(Unit.COUNT),
    WRITES_MERGED(Unit.COUNT),
    WRITTEN_BYTES(Unit.SECTORS_AS_BYTES),
    WRITE_TIME_SECONDS(Unit.MILLIS_AS_SECONDS),
    IO_NOW(Unit.COUNT),
    IO_TIME_SECONDS(Unit.MILLIS_AS_SECONDS),
    IO_TIME_WEIGHTED_SECONDS(Unit.MILLIS_AS_SECONDS),
    DISCARDS_COMPLETED(Unit.COUNT),
    DISCARDS_MERGED(Unit.COUNT),
    /** Kept in sectors: node_exporter's {@code node_disk_discarded_sectors_total} counts sectors. */
    DISCARDED_SECTORS(Unit.COUNT),
    DISCARD_TIME_SECONDS(Unit.MILLIS_AS_SECONDS),
    FLUSH_REQUESTS(Unit.COUNT),
    FLUSH_REQUESTS_TIME_SECONDS(Unit.MILLIS_AS_SECONDS);

    private final Unit unit;

    Counter(Unit unit) {
      this.unit = unit;
    }
  }

  private enum Unit {
    COUNT,
    SECTORS_AS_BYTES,
    MILLIS_AS_SECONDS
  }

  /** Sectors of {@code /proc/diskstats} to bytes. */
  public static double sectorsToBytes(double sectors) {
    return sectors * SECTOR_BYTES;
  }

  /**
   * Milliseconds to seconds, multiplying by 0.001 as node_exporter does (not dividing by 1000), so values print
   * identically.
   */
  public static double millisToSeconds(double millis) {
    return millis * 0.001;
  }

  /**
   * Parses {@code /proc/diskstats}: {@code major minor name} then 11 counters (kernels before 4.18), 15 (with
   * discards, 4.18+) or 17 (with flushes, 5.5+); later fields a newer kernel may add are ignored.
   *
   * <p>A line that is too short (old kernels printed 4-counter partition lines) or has a non-numeric field is one bad
   * device: it is skipped and handed to {@code skipped}. When no line of a non-empty file is usable the whole file is
   * malformed.
   *
   * @param path the file, for error messages
   * @param skipped receives each skipped line as an exception naming file, line number and line
   */
  public static List<DiskStats> parse(Path path, String text, Consumer<MalformedFileException> skipped)
      throws MalformedFileException {
    List<DiskStats> disks = new ArrayList<>();
    MalformedFileException firstBad = null;
    int lineNo = 0;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      String line = text.substring(start, end);
      start = end + 1;
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        disks.add(parseLine(path, lineNo, line));
      } catch (MalformedFileException bad) {
        firstBad = firstBad == null ? bad : firstBad;
        skipped.accept(bad);
      }
    }
    if (disks.isEmpty() && firstBad != null) {
      throw firstBad;
    }
    return disks;
  }

  private static DiskStats parseLine(Path path, int lineNo, String line) throws MalformedFileException {
    String[] fields = Tokens.fields(line).toArray(String[]::new);
    int counters = fields.length - ID_FIELDS;
    if (counters < MIN_COUNTERS) {
      throw new MalformedFileException(
          path, lineNo, line, "expected major, minor, name and at least " + MIN_COUNTERS + " counters");
    }
    int major;
    int minor;
    try {
      major = Integer.parseInt(fields[0]);
      minor = Integer.parseInt(fields[1]);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, lineNo, line, "expected numeric major and minor numbers");
    }
    Map<Counter, Double> values = new EnumMap<>(Counter.class);
    for (int i = 0; i < Math.min(counters, COUNTERS.length); i++) {
      String field = fields[ID_FIELDS + i];
      double raw;
      try {
        raw = unsigned(Long.parseUnsignedLong(field));
      } catch (NumberFormatException e) {
        throw new MalformedFileException(path, lineNo, line, "field " + (ID_FIELDS + i + 1) + " is not a counter");
      }
      Counter counter = COUNTERS[i];
      values.put(
          counter,
          switch (counter.unit) {
            case COUNT -> raw;
            case SECTORS_AS_BYTES -> sectorsToBytes(raw);
            case MILLIS_AS_SECONDS -> millisToSeconds(raw);
          });
    }
    return new DiskStats(fields[2], major, minor, values);
  }

  /** The kernel's counters are unsigned 64-bit; values past {@code Long.MAX_VALUE} are still positive. */
  private static double unsigned(long v) {
    return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
  }
}
