package io.vigil.exporter.source;

import java.util.Map;

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

  public DiskStats {
    values = OrderedMaps.copyOf(values);
  }

  /** The fields of iostats.rst, in file order, converted to base units (sectors are 512 bytes, times seconds). */
  public enum Counter {
    READS_COMPLETED,
    READS_MERGED,
    READ_BYTES,
    READ_TIME_SECONDS,
    WRITES_COMPLETED,
    WRITES_MERGED,
    WRITTEN_BYTES,
    WRITE_TIME_SECONDS,
    IO_NOW,
    IO_TIME_SECONDS,
    IO_TIME_WEIGHTED_SECONDS,
    DISCARDS_COMPLETED,
    DISCARDS_MERGED,
    DISCARDED_SECTORS,
    DISCARD_TIME_SECONDS,
    FLUSH_REQUESTS,
    FLUSH_REQUESTS_TIME_SECONDS
  }
}
