package io.vigil.exporter;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts a scrape's families in name order cheaply. client_java's {@code MetricSnapshots} sorts its families by name
 * on every scrape; with ~300 names sharing long prefixes ({@code node_network_...}) that was ~8 % of a scrape's CPU.
 * A host serves the same family names scrape after scrape, so the order of the last full sort is remembered as a
 * rank per name: a scrape whose names all have a rank is ordered by those integers, and client_java's sort then finds
 * one ascending run. Any unknown name (a collector came back, a textfile appeared) means one full sort by name again.
 *
 * <p>Thread safety: safe for concurrent use (the ranks are replaced whole).
 */
final class FamilyOrder {

  private static final Comparator<MetricSnapshot> BY_NAME =
      Comparator.comparing(s -> s.getMetadata().getPrometheusName());

  /** More distinct names than any host serves: past it the ranks start over from the current scrape's names. */
  private static final int MAX_NAMES = 20_000;

  private volatile Map<String, Integer> ranks = Map.of();

  /** {@code families} sorted by name, as a new list. */
  List<MetricSnapshot> sort(List<MetricSnapshot> families) {
    Map<String, Integer> known = ranks;
    long[] keyed = new long[families.size()];
    for (int i = 0; i < keyed.length; i++) {
      Integer rank = known.get(families.get(i).getMetadata().getPrometheusName());
      if (rank == null) {
        return sortByName(families);
      }
      keyed[i] = ((long) rank << 32) | i;
    }
    Arrays.sort(keyed);
    List<MetricSnapshot> sorted = new ArrayList<>(keyed.length);
    for (long k : keyed) {
      sorted.add(families.get((int) k));
    }
    return sorted;
  }

  private List<MetricSnapshot> sortByName(List<MetricSnapshot> families) {
    List<MetricSnapshot> sorted = new ArrayList<>(families);
    sorted.sort(BY_NAME);
    // Ranks for these names and the ones known so far, so scrapes with different collect[] lists all hit.
    Map<String, Integer> known = ranks;
    TreeSet<String> names = new TreeSet<>(known.size() + families.size() <= MAX_NAMES ? known.keySet() : Set.of());
    for (MetricSnapshot s : sorted) {
      names.add(s.getMetadata().getPrometheusName());
    }
    Map<String, Integer> next = new HashMap<>();
    for (String name : names) {
      next.put(name, next.size());
    }
    ranks = next;
    return sorted;
  }
}
