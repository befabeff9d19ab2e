package io.vigil.exporter.textfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One look at the textfile directories: every {@code *.prom} file found, in directory then name order, each parsed or
 * with the reason it could not be, plus directories that could not be listed.
 *
 * @param files the files found
 * @param directoryErrors one message per configured directory (or glob) that could not be read
 */
public record TextfileScan(List<FileResult> files, List<String> directoryErrors) {

  public TextfileScan {
    files = List.copyOf(files);
    directoryErrors = List.copyOf(directoryErrors);
  }

  /**
   * One {@code *.prom} file.
   *
   * @param path the file
   * @param mtimeSeconds its modification time, seconds since the epoch
   * @param families its families when it was read and parsed
   * @param error why it was skipped: unreadable, too large or malformed (naming file and line)
   */
  public record FileResult(
      Path path, double mtimeSeconds, List<ParsedFamily> families, Optional<TextFormatException> error) {
    public FileResult {
      families = List.copyOf(families);
    }
  }
}
