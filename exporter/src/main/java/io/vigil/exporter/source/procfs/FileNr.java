package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * File handle usage: {@code /proc/sys/fs/file-nr} (kernel Documentation/admin-guide/sysctl/fs.rst, "file-max &
 * file-nr"): allocated handles, allocated-but-unused handles (always 0 since Linux 2.6) and the system-wide maximum.
 */
public record FileNr(long allocated, long unused, long maximum) {

  /** Reads and parses {@code <procfs>/sys/fs/file-nr}. */
  public static FileNr read(ProcFs proc) throws IOException {
    return parse(proc.path("sys", "fs", "file-nr"), proc.read("sys", "fs", "file-nr"));
  }

  /**
   * Parses {@code "727\t0\t2466170"}.
   *
   * @throws MalformedFileException unless the file holds exactly three integers on one line
   */
  public static FileNr parse(Path path, String text) throws MalformedFileException {
    String line = text.strip();
    List<String> parts = Tokens.fields(line);
    if (parts.size() != 3 || line.indexOf('\n') >= 0) {
      throw new MalformedFileException(path, 1, line, "expected three integers: allocated, unused, maximum");
    }
    try {
      return new FileNr(
          Long.parseLong(parts.get(0)), Long.parseLong(parts.get(1)), Long.parseLong(parts.get(2)));
    } catch (NumberFormatException e) {
      throw new MalformedFileException(path, 1, line, "expected three integers: allocated, unused, maximum");
    }
  }
}
