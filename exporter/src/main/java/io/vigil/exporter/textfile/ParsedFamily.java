package io.vigil.exporter.textfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One metric family from text format input: its name, type ({@code untyped} when no {@code # TYPE} line was given),
 * optional help text (unescaped) and samples in input order.
 */
public record ParsedFamily(String name, MetricType type, Optional<String> help, List<ParsedSample> samples) {

  public ParsedFamily {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
    Objects.requireNonNull(help);
    samples = List.copyOf(samples);
  }

  /** Line of the first sample (or 0), to point at the family in errors found after parsing. */
  public int firstLine() {
    return samples.isEmpty() ? 0 : samples.get(0).line();
  }
}
