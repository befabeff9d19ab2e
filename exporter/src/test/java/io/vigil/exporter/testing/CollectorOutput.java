package io.vigil.exporter.testing;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of an exposition that belongs to some collectors, in a form two exporters' outputs compare equal in:
 * HELP and TYPE per family, series (labels in name order) to value, and those collectors' success lines.
 *
 * @param metadata {@code "HELP <family>"} / {@code "TYPE <family>"} to text
 * @param samples series to value
 */
public record CollectorOutput(Map<String, String> metadata, Map<String, Double> samples) {

  /**
   * @param familyPrefixes families whose names start with one of these belong to the collectors
   * @param collectors the collectors' names, for their {@code node_scrape_collector_success} lines
   */
  public static CollectorOutput of(String text, List<String> familyPrefixes, List<String> collectors) {
    Map<String, String> metadata = new TreeMap<>();
    Map<String, Double> samples = new TreeMap<>();
    for (Exposition.Family f : Exposition.parse(text).families().values()) {
      if (familyPrefixes.stream().anyMatch(f.name()::startsWith)) {
        metadata.put("HELP " + f.name(), f.help());
        metadata.put("TYPE " + f.name(), f.type());
        samples.putAll(f.series());
      } else if (f.name().equals("node_scrape_collector_success")) {
        f.series().forEach((series, value) -> {
          if (collectors.stream().anyMatch(c -> series.contains("\"" + c + "\""))) {
            samples.put(series, value);
          }
        });
      }
    }
    return new CollectorOutput(metadata, samples);
  }
}
