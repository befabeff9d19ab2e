package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.Meminfo;
import io.vigil.exporter.source.SourceReader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * node_exporter's {@code meminfo} collector: one gauge per {@link Meminfo} field, {@code node_memory_<Field>_bytes}
 * for sizes and {@code node_memory_<Field>} for plain counts (the HugePages_* fields).
 *
 * <pre>
 * # HELP node_memory_MemAvailable_bytes Memory information field MemAvailable_bytes.
 * # TYPE node_memory_MemAvailable_bytes gauge
 * node_memory_MemAvailable_bytes 2.4927875072e+10
 * </pre>
 *
 * <p>Thread safety: safe for concurrent use.
 */
public final class MeminfoCollector implements Collector {

  public static final String NAME = "meminfo";

  private static final Logger LOG = Logger.getLogger(MeminfoCollector.class.getName());

  private final SourceReader<Meminfo> source;
  /** Validated metadata and label sets, built once (see {@link FamilyCache}). */
  private final FamilyCache cache = new FamilyCache();

  public MeminfoCollector(SourceReader<Meminfo> source) {
    this.source = source;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Meminfo meminfo = source.read();
    List<MetricSnapshot> families = new ArrayList<>(meminfo.fields().size());
    for (Meminfo.Field field : meminfo.fields()) {
      String suffix = field.bytes() ? field.name() + "_bytes" : field.name();
      if (!isMetricNameSuffix(suffix)) {
        // A future kernel key we cannot spell as a metric name: skip it rather than fail the whole collector.
        LOG.fine(() -> "collector=meminfo skipping field with unusable name: " + field.name());
        continue;
      }
      families.add(
          cache.gauge("node_memory_" + suffix, "Memory information field " + suffix + ".", field.value()));
    }
    return families;
  }

  private static boolean isMetricNameSuffix(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
