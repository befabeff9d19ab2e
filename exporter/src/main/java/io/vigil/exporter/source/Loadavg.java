package io.vigil.exporter.source;

import java.nio.file.Path;

/** Load averages: {@code /proc/loadavg} on Linux (see proc(5)); {@code getloadavg()} through OSHI elsewhere. */
public record Loadavg(double load1, double load5, double load15) {

  /**
   * Parses {@code /proc/loadavg}: {@code "0.21 0.32 0.30 1/123 4567"}; only the first three fields are used.
   *
   * @param path the file, for error messages
   */
  public static Loadavg parse(Path path, String text) throws MalformedFileException {
    String line = text.strip();
    String[] fields = Tokens.split(line, ' ');
    if (fields.length < 3) {
      throw new MalformedFileException(path, 1, line, "expected at least 3 fields");
    }
    try {
      return new Loadavg(
          Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, 1, line, "expected three decimal load averages");
    }
  }
}
