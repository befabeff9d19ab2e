package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetStatFile;
import io.vigil.exporter.source.procfs.ProcFs;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * node_exporter's {@code lnstat} collector (Linux only, off by default): every column of every table in
 * {@code /proc/net/stat/} as a counter {@code node_lnstat_<column>_total{subsystem,cpu}}, where {@code subsystem} is
 * the file name and {@code cpu} the row's position.
 *
 * <pre>
 * # HELP node_lnstat_entries_total linux network cache stats
 * # TYPE node_lnstat_entries_total counter
 * node_lnstat_entries_total{cpu="0",subsystem="arp_cache"} 4
 * </pre>
 *
 * <p>A column already ending in {@code _total} ({@code rt_cache}'s {@code gc_total}) becomes
 * {@code node_lnstat_gc_total_total}, as in node_exporter.
 *
 * <p>Thread safety: stateless.
 */
public final class LnstatCollector implements Collector {

  public static final String NAME = "lnstat";

  private static final Logger LOG = Logger.getLogger(LnstatCollector.class.getName());

  private final ProcFs proc;

  public LnstatCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<NetStatFile> files;
    try {
      files = NetStatFile.readAll(proc);
    } catch (NoSuchFileException e) {
      return List.of(); // no /proc/net/stat: nothing to report, as node_exporter's glob finds nothing
    }
    Map<String, CounterSnapshot.Builder> families = new TreeMap<>();
    for (NetStatFile file : files) {
      for (int col = 0; col < file.columns().size(); col++) {
        String column = file.columns().get(col);
        if (!isNamePart(column)) {
          LOG.fine(() -> "collector=lnstat skipping column with unusable name: " + column);
          continue;
        }
        // the full name: client_java strips one "_total" from a counter name and writes it back
        CounterSnapshot.Builder family = families.computeIfAbsent(column, c -> CounterSnapshot.builder()
            .name("node_lnstat_" + c + "_total").help("linux network cache stats"));
        for (int cpu = 0; cpu < file.rows().size(); cpu++) {
          family.dataPoint(Families.counterPoint(
              file.rows().get(cpu).get(col), "subsystem", file.name(), "cpu", Integer.toString(cpu)));
        }
      }
    }
    List<MetricSnapshot> out = new ArrayList<>(families.size());
    families.values().forEach(b -> out.add(b.build()));
    return out;
  }

  private static boolean isNamePart(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return !s.isEmpty();
  }
}
