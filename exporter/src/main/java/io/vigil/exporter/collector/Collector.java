package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * One node_exporter-style collector: asks a source for records and turns them into metric families.
 *
 * <p>A collector never measures its own time, applies deadlines or reports its success: the {@link ScrapeRunner}
 * does. It throws when the whole collection failed (an unreadable file, malformed content); the runner then reports
 * {@code node_scrape_collector_success{collector="<name>"} 0} and serves every other family.
 *
 * <p>Implementations are built once at start-up and must be safe to call from one thread at a time (the runner never
 * runs one collector twice concurrently).
 */
public interface Collector {

  /** node_exporter's name for this collector ({@code cpu}, {@code netdev}, {@code thermal_zone}). */
  String name();

  /** Collects one scrape's families; an empty list means "nothing to report here". */
  List<MetricSnapshot> collect() throws Exception;

  /**
   * Collects knowing the deadline the runner will apply ({@link System#nanoTime()} value). Collectors that wait on
   * the network or on other processes (probes, commands) override this to answer with partial results in time
   * instead of being cut off whole; the others keep the default, which ignores it.
   */
  default List<MetricSnapshot> collect(long deadlineNanos) throws Exception {
    return collect();
  }
}
