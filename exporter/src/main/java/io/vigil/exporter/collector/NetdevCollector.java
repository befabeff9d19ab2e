package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.vigil.exporter.config.DeviceFilter;
import io.vigil.exporter.source.NetDevStats;
import io.vigil.exporter.source.SourceReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * node_exporter's {@code netdev} collector: one counter family per interface statistic, for the devices the filter
 * keeps (by default all but {@code lo}).
 *
 * <pre>
 * # HELP node_network_receive_bytes_total Network device statistic receive_bytes.
 * # TYPE node_network_receive_bytes_total counter
 * node_network_receive_bytes_total{device="eth0"} 4.2122793e+07
 * </pre>
 *
 * <p>A family is emitted only for statistics the source has ({@code receive_nohandler} needs Linux 4.6+).
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class NetdevCollector implements Collector {

  public static final String NAME = "netdev";

  private final SourceReader<List<NetDevStats>> source;
  private final DeviceFilter devices;

  public NetdevCollector(SourceReader<List<NetDevStats>> source, DeviceFilter devices) {
    this.source = source;
    this.devices = devices;
  }

  /** Validated metadata and label sets, built once (see {@link FamilyCache}). */
  private final FamilyCache cache = new FamilyCache();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<NetDevStats> kept = new ArrayList<>();
    for (NetDevStats stats : source.read()) {
      if (devices.keeps(stats.device())) {
        kept.add(stats);
      }
    }
    kept.sort(Comparator.comparing(NetDevStats::device));
    // One family per stem, in the order the stems first appear.
    Map<String, CounterSnapshot.Builder> families = new LinkedHashMap<>();
    for (NetDevStats stats : kept) {
      stats.counters().forEach((stem, value) ->
          families
              .computeIfAbsent(stem, s -> CounterSnapshot.builder()
                  .name("node_network_" + s)
                  .help("Network device statistic " + s + "."))
              .dataPoint(CounterDataPointSnapshot.builder().labels(cache.device(stats.device())).value(value).build()));
    }
    List<MetricSnapshot> out = new ArrayList<>(families.size());
    families.values().forEach(b -> out.add(b.build()));
    return out;
  }
}
