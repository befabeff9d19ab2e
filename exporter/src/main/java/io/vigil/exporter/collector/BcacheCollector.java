package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.BcacheSet;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.source.procfs.Uint64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * node_exporter's {@code bcache} collector (Linux only): cache set, backing device and cache device statistics from
 * {@code /sys/fs/bcache/<uuid>/}.
 *
 * <pre>
 * node_bcache_cache_available_percent{uuid="4a61e9d2-..."} 71
 * node_bcache_dirty_data_bytes{backing_device="bdev0",uuid="4a61e9d2-..."} 1.702887424e+09
 * node_bcache_written_bytes_total{cache_device="cache0",uuid="4a61e9d2-..."} 2.26559524864e+11
 * </pre>
 *
 * <p>Without bcache there is nothing to report and the collector succeeds, as node_exporter's does. An attribute the
 * kernel does not provide is not reported (node_exporter 1.5 fails the collector instead). The priority stats are
 * read only when asked for ({@code --collector.bcache.priorityStats}, off by default): the kernel sorts every bucket
 * to print them.
 *
 * <p>Thread safety: immutable.
 */
public final class BcacheCollector implements Collector {

  public static final String NAME = "bcache";

  /** Set attribute, exposed name, help, scale (btree_read_average_duration_us is scaled as node_exporter does). */
  private record SetValue(String attribute, String name, String help, double scale) {}

  private static final List<SetValue> SET_GAUGES = List.of(
      new SetValue("average_key_size", "average_key_size_sectors", "Average data per key in the btree (sectors).", 1),
      new SetValue("btree_cache_size", "btree_cache_size_bytes", "Amount of memory currently used by the btree cache.",
          1),
      new SetValue("cache_available_percent", "cache_available_percent",
          "Percentage of cache device without dirty data, usable for writeback (may contain clean cached data).", 1),
      new SetValue("congested", "congested", "Congestion.", 1),
      new SetValue("root_usage_percent", "root_usage_percent",
          "Percentage of the root btree node in use (tree depth increases if too high).", 1),
      new SetValue("tree_depth", "tree_depth", "Depth of the btree.", 1),
      new SetValue("internal/active_journal_entries", "active_journal_entries",
          "Number of journal entries that are newer than the index.", 1),
      new SetValue("internal/btree_nodes", "btree_nodes", "Total nodes in the btree.", 1),
      // the file is in microseconds; node_exporter 1.5 scales it as nanoseconds, kept for parity
      new SetValue("internal/btree_read_average_duration_us", "btree_read_average_duration_seconds",
          "Average btree read duration.", 1e-9));

  /** stats_total counter, exposed name, help. */
  private static final String[][] PERIOD = {
    {"bypassed", "bypassed_bytes_total", "Amount of IO (both reads and writes) that has bypassed the cache."},
    {"cache_hits", "cache_hits_total", "Hits counted per individual IO as bcache sees them."},
    {"cache_misses", "cache_misses_total", "Misses counted per individual IO as bcache sees them."},
    {"cache_bypass_hits", "cache_bypass_hits_total", "Hits for IO intended to skip the cache."},
    {"cache_bypass_misses", "cache_bypass_misses_total", "Misses for IO intended to skip the cache."},
    {"cache_miss_collisions", "cache_miss_collisions_total",
        "Instances where data insertion from cache miss raced with write (data already present)."},
    {"cache_readaheads", "cache_readaheads_total", "Count of times readahead occurred."},
  };

  /** writeback_rate_debug line, exposed name, help. */
  private static final String[][] WRITEBACK = {
    {"target", "dirty_target_bytes", "Current dirty data target threshold for this backing device in bytes."},
    {"rate", "writeback_rate", "Current writeback rate for this backing device in bytes."},
    {"proportional", "writeback_rate_proportional_term",
        "Current result of proportional controller, part of writeback rate"},
    {"integral", "writeback_rate_integral_term", "Current result of integral controller, part of writeback rate"},
    {"change", "writeback_change", "Last writeback rate change step for this backing device."},
  };

  private final SysFs sys;
  private final boolean priorityStats;

  /**
   * @param priorityStats node_exporter's {@code --collector.bcache.priorityStats} (default false)
   */
  public BcacheCollector(SysFs sys, boolean priorityStats) {
    this.sys = sys;
    this.priorityStats = priorityStats;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    LabelledFamilies out = new LabelledFamilies();
    for (BcacheSet set : BcacheSet.readAll(sys, priorityStats)) {
      String uuid = set.uuid();
      for (SetValue v : SET_GAUGES) {
        set.value(v.attribute()).ifPresent(x ->
            out.gauge("node_bcache_" + v.name(), v.help(), Uint64.toDouble(x) * v.scale(), "uuid", uuid));
      }
      set.value("internal/cache_read_races").ifPresent(x -> out.counter("node_bcache_cache_read_races_total",
          "Counts instances where while data was being read from the cache, the bucket was reused and invalidated"
              + " - i.e. where the pointer was stale after the read completed.",
          Uint64.toDouble(x), "uuid", uuid));
      for (BcacheSet.BackingDevice bdev : set.backingDevices()) {
        String[] labels = {"uuid", uuid, "backing_device", bdev.name()};
        bdev.dirtyData().ifPresent(x -> out.gauge("node_bcache_dirty_data_bytes",
            "Amount of dirty data for this backing device in the cache.", Uint64.toDouble(x), labels));
        for (String[] w : WRITEBACK) {
          value(bdev.writebackRateDebug(), w[0]).ifPresent(x ->
              // target and rate are unsigned, the controller terms signed
              out.gauge("node_bcache_" + w[1], w[2],
                  w[0].equals("target") || w[0].equals("rate") ? Uint64.toDouble(x) : x, labels));
        }
        for (String[] p : PERIOD) {
          value(bdev.total(), p[0]).ifPresent(x ->
              out.counter("node_bcache_" + p[1], p[2], Uint64.toDouble(x), labels));
        }
      }
      for (BcacheSet.CacheDevice cache : set.caches()) {
        String[] labels = {"uuid", uuid, "cache_device", cache.name()};
        value(cache.values(), "io_errors").ifPresent(x -> out.gauge("node_bcache_io_errors",
            "Number of errors that have occurred, decayed by io_error_halflife.", Uint64.toDouble(x), labels));
        value(cache.values(), "metadata_written").ifPresent(x -> out.counter(
            "node_bcache_metadata_written_bytes_total",
            "Sum of all non data writes (btree writes and all other metadata).", Uint64.toDouble(x), labels));
        value(cache.values(), "written").ifPresent(x -> out.counter("node_bcache_written_bytes_total",
            "Sum of all data that has been written to the cache.", Uint64.toDouble(x), labels));
        cache.unusedPercent().ifPresent(x -> out.gauge("node_bcache_priority_stats_unused_percent",
            "The percentage of the cache that doesn't contain any data.", x, labels));
        cache.metadataPercent().ifPresent(x -> out.gauge("node_bcache_priority_stats_metadata_percent",
            "Bcache's metadata overhead.", x, labels));
      }
    }
    return out.snapshots();
  }

  private static Optional<Long> value(Map<String, Long> values, String key) {
    return Optional.ofNullable(values.get(key));
  }
}
