package io.vigil.exporter.textfile;

import java.util.List;
import java.util.Objects;

/**
 * One sample line: the name as written (for a histogram {@code x_bucket}, {@code x_sum} or {@code x_count}), its
 * labels sorted by name, the value and the 1-based line it came from.
 *
 * @param labels label name/value pairs, sorted by name, names unique
 */
public record ParsedSample(String name, List<Label> labels, double value, int line) {

  /** One label pair. */
  public record Label(String name, String value) {}

  public ParsedSample {
    Objects.requireNonNull(name);
    labels = List.copyOf(labels);
  }

  /** The value of label {@code name}, or null. */
  public String label(String labelName) {
    for (Label l : labels) {
      if (l.name().equals(labelName)) {
        return l.value();
      }
    }
    return null;
  }

  /** The labels without {@code excluded}, for grouping histogram buckets and summary quantiles. */
  public List<Label> labelsWithout(String excluded) {
    return labels.stream().filter(l -> !l.name().equals(excluded)).toList();
  }

  /** {@code name{a="1",b="2"}}: identity of the series, for duplicate detection. */
  String seriesKey() {
    StringBuilder b = new StringBuilder(name).append('{');
    for (Label l : labels) {
      b.append(l.name()).append('=').append('"').append(l.value().replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"').append(',');
    }
    return b.append('}').toString();
  }
}
