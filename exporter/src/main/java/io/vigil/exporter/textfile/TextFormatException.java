package io.vigil.exporter.textfile;

/**
 * Input that is not valid Prometheus text exposition format (0.0.4) under Vigil's strict rules. The message names the
 * source (a file path or {@code command <name>}), the 1-based line and what is wrong, e.g.
 * {@code /var/lib/vigil/textfile/backup.prom:3: sample has a timestamp; timestamps are not allowed}.
 */
public final class TextFormatException extends Exception {

  private final String source;
  private final int lineNumber;
  private final String problem;

  public TextFormatException(String source, int lineNumber, String problem) {
    super(source + (lineNumber > 0 ? ":" + lineNumber : "") + ": " + problem);
    this.source = source;
    this.lineNumber = lineNumber;
    this.problem = problem;
  }

  public String source() {
    return source;
  }

  /** 1-based line of the problem; 0 when it concerns the whole input (size, encoding). */
  public int lineNumber() {
    return lineNumber;
  }

  public String problem() {
    return problem;
  }
}
