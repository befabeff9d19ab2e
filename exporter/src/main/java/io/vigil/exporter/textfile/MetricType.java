package io.vigil.exporter.textfile;

import java.util.Optional;

/** The {@code # TYPE} values of text format 0.0.4. */
public enum MetricType {
  COUNTER,
  GAUGE,
  HISTOGRAM,
  SUMMARY,
  UNTYPED;

  static Optional<MetricType> parse(String word) {
    return switch (word) {
      case "counter" -> Optional.of(COUNTER);
      case "gauge" -> Optional.of(GAUGE);
      case "histogram" -> Optional.of(HISTOGRAM);
      case "summary" -> Optional.of(SUMMARY);
      case "untyped" -> Optional.of(UNTYPED);
      default -> Optional.empty();
    };
  }

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
