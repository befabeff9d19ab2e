package io.vigil.exporter.command;

import io.vigil.exporter.textfile.ParsedFamily;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one command run.
 *
 * @param durationSeconds from start to exit (or to the kill)
 * @param families the metrics its output gave; empty when it failed
 * @param error why it failed: exit status, timeout, output too large or malformed (naming the line)
 */
public record CommandRun(double durationSeconds, List<ParsedFamily> families, Optional<String> error) {

  public CommandRun {
    families = List.copyOf(families);
  }

  public boolean success() {
    return error.isEmpty();
  }
}
