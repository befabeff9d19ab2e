package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * The merged families of one scrape plus each collector's outcome.
 *
 * @param families families of the collectors that succeeded in time, plus the scrape meta families
 * @param outcomes one entry per collector that was asked to run, in catalogue order
 */
public record ScrapeResult(List<MetricSnapshot> families, List<CollectorOutcome> outcomes) {
  public ScrapeResult {
    families = List.copyOf(families);
    outcomes = List.copyOf(outcomes);
  }
}
