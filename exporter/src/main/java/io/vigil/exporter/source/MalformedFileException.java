package io.vigil.exporter.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A host file that was read but whose content is not what the kernel documents: carries the file, the 1-based line
 * number (0 when not line-specific) and the offending line.
 */
public final class MalformedFileException extends IOException {

  private final transient Path path;
  private final int lineNumber;
  private final String line;

  public MalformedFileException(Path path, int lineNumber, String line, String problem) {
    super(path + (lineNumber > 0 ? ":" + lineNumber : "") + ": " + problem
        + (line == null ? "" : ": \"" + abbreviate(line) + "\""));
    this.path = path;
    this.lineNumber = lineNumber;
    this.line = line;
  }

  public Path path() {
    return path;
  }

  public int lineNumber() {
    return lineNumber;
  }

  public String line() {
    return line;
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
