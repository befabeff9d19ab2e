package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Statistics of one SCSI tape drive: {@code /sys/class/scsi_tape/st<N>/stats/} (Documentation/scsi/st.rst,
 * "Sysfs and statistics for tape devices"). The rewinding {@code stN} entry stands for the drive; its aliases
 * ({@code nstN}, {@code stNa}, {@code stNl}, {@code stNm}) share the same counters and are skipped. A counter file
 * the kernel does not provide is absent.
 *
 * @param name {@code st0}
 * @param inFlight I/Os outstanding
 * @param ioNanoseconds time spent on all I/O, including tape movement commands
 * @param otherCount commands other than read and write
 * @param readBytes bytes read
 * @param readCount read requests
 * @param readNanoseconds time spent on reads
 * @param residualCount reads or writes with a non-zero residual
 * @param writtenBytes bytes written
 * @param writeCount write requests
 * @param writeNanoseconds time spent on writes
 */
public record ScsiTape(
    String name,
    Optional<Long> inFlight,
    Optional<Long> ioNanoseconds,
    Optional<Long> otherCount,
    Optional<Long> readBytes,
    Optional<Long> readCount,
    Optional<Long> readNanoseconds,
    Optional<Long> residualCount,
    Optional<Long> writtenBytes,
    Optional<Long> writeCount,
    Optional<Long> writeNanoseconds) {

  public static Path classDirectory(SysFs sys) {
    return sys.path("class", "scsi_tape");
  }

  /**
   * Reads every {@code st<N>} drive, sorted by name.
   *
   * @throws java.nio.file.NoSuchFileException when the class directory does not exist (no st driver)
   * @throws io.vigil.exporter.source.MalformedFileException when a counter is not an unsigned integer
   */
  public static List<ScsiTape> readAll(SysFs sys) throws IOException {
    List<ScsiTape> tapes = new ArrayList<>();
    for (Path dir : SysfsDirs.subdirectories(classDirectory(sys))) {
      String name = dir.getFileName().toString();
      if (!isDrive(name)) {
        continue;
      }
      Path stats = dir.resolve("stats");
      tapes.add(new ScsiTape(name,
          SysfsDirs.unsigned(stats.resolve("in_flight")),
          SysfsDirs.unsigned(stats.resolve("io_ns")),
          SysfsDirs.unsigned(stats.resolve("other_cnt")),
          SysfsDirs.unsigned(stats.resolve("read_byte_cnt")),
          SysfsDirs.unsigned(stats.resolve("read_cnt")),
          SysfsDirs.unsigned(stats.resolve("read_ns")),
          SysfsDirs.unsigned(stats.resolve("resid_cnt")),
          SysfsDirs.unsigned(stats.resolve("write_byte_cnt")),
          SysfsDirs.unsigned(stats.resolve("write_cnt")),
          SysfsDirs.unsigned(stats.resolve("write_ns"))));
    }
    return List.copyOf(tapes);
  }

  /** {@code st} followed by digits only (procfs' {@code ^st[0-9]+$}). */
  static boolean isDrive(String name) {
    if (name.length() < 3 || !name.startsWith("st")) {
      return false;
    }
    for (int i = 2; i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
