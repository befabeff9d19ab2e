package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Pressure stall information of one resource: {@code /proc/pressure/cpu}, {@code io} or {@code memory} (kernel
 * Documentation/accounting/psi.rst; Linux 4.20+ with CONFIG_PSI). Only the cumulative {@code total=} stall times are
 * kept (converted from microseconds to seconds); the avg10/60/300 percentages can be derived from them with rate().
 *
 * @param someTotalSeconds time at least one task was stalled on the resource ("waiting")
 * @param fullTotalSeconds time all non-idle tasks were stalled at once ("stalled"); absent on kernels without the
 *     {@code full} line (cpu before 5.13)
 */
public record Pressure(OptionalDouble someTotalSeconds, OptionalDouble fullTotalSeconds) {

  /** The directory node_exporter reads; absent on kernels without PSI. */
  public static Path directory(ProcFs proc) {
    return proc.path("pressure");
  }

  /** Reads and parses {@code <procfs>/pressure/<resource>}. */
  public static Pressure read(ProcFs proc, String resource) throws IOException {
    return parse(proc.path("pressure", resource), proc.read("pressure", resource));
  }

  /**
   * Parses {@code "some avg10=0.63 avg60=1.74 avg300=0.63 total=3655287"} and the optional {@code full} line.
   *
   * @throws MalformedFileException on a line that is not some/full, lacks {@code total=} or has a non-integer total,
   *     or on a file without a {@code some} line
   */
  public static Pressure parse(Path path, String text) throws MalformedFileException {
    OptionalDouble some = OptionalDouble.empty();
    OptionalDouble full = OptionalDouble.empty();
    int lineNo = 0;
    for (String line : text.lines().toList()) {
      lineNo++;
      List<String> parts = Tokens.fields(line);
      if (parts.isEmpty()) {
        continue;
      }
      OptionalDouble total = OptionalDouble.of(totalSeconds(path, lineNo, line, parts));
      switch (parts.get(0)) {
        case "some" -> some = total;
        case "full" -> full = total;
        default -> throw new MalformedFileException(path, lineNo, line, "expected a \"some\" or \"full\" line");
      }
    }
    if (some.isEmpty()) {
      throw new MalformedFileException(path, 0, null, "no \"some\" line");
    }
    return new Pressure(some, full);
  }

  private static double totalSeconds(Path path, int lineNo, String line, List<String> parts)
      throws MalformedFileException {
    for (String part : parts) {
      if (part.startsWith("total=")) {
        try {
          // divided twice, as node_exporter does, so the last digit matches its output
          return Long.parseLong(part.substring("total=".length())) / 1000.0 / 1000.0;
        } catch (NumberFormatException e) {
          throw new MalformedFileException(path, lineNo, line, "expected total=<microseconds>");
        }
      }
    }
    throw new MalformedFileException(path, lineNo, line, "missing total=<microseconds>");
  }
}
