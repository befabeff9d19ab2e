package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetStatFile;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.Sysctl;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * node_exporter's {@code conntrack} collector (Linux only): the connection tracking table's size and limit
 * ({@code /proc/sys/net/netfilter/nf_conntrack_count} and {@code _max}) and the per-CPU statistics of
 * {@code /proc/net/stat/nf_conntrack}, summed over CPUs. node_exporter types the summed counters as gauges; so do we.
 *
 * <pre>
 * # HELP node_nf_conntrack_entries Number of currently allocated flow entries for connection tracking.
 * # TYPE node_nf_conntrack_entries gauge
 * node_nf_conntrack_entries 1851.0
 * </pre>
 *
 * <p>Without the nf_conntrack module the files do not exist and the collection fails, as node_exporter's does.
 * Columns are found by their header name: a statistic the kernel does not print is not exposed (kernels before
 * {@code search_restart} print 16 columns, which node_exporter 1.5 rejects as a whole; here only
 * {@code node_nf_conntrack_stat_search_restart} is missing).
 *
 * <p>Thread safety: stateless.
 */
public final class ConntrackCollector implements Collector {

  public static final String NAME = "conntrack";

  /** The summed columns of /proc/net/stat/nf_conntrack, in node_exporter's order, with its help texts. */
  private static final List<Stat> STATS = List.of(
      new Stat("found", "Number of searched entries which were successful."),
      new Stat("invalid", "Number of packets seen which can not be tracked."),
      new Stat("ignore", "Number of packets seen which are already connected to a conntrack entry."),
      new Stat("insert", "Number of entries inserted into the list."),
      new Stat("insert_failed", "Number of entries for which list insertion was attempted but failed."),
      new Stat("drop", "Number of packets dropped due to conntrack failure."),
      new Stat("early_drop",
          "Number of dropped conntrack entries to make room for new ones, if maximum table size was reached."),
      new Stat("search_restart",
          "Number of conntrack table lookups which had to be restarted due to hashtable resizes."));

  /** A column, exposed as {@code node_nf_conntrack_stat_<column>}. */
  private record Stat(String column, String help) {}

  private final ProcFs proc;

  public ConntrackCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    long count;
    long max;
    try {
      count = Sysctl.readUnsigned(proc, "net.netfilter.nf_conntrack_count");
      max = Sysctl.readUnsigned(proc, "net.netfilter.nf_conntrack_max");
    } catch (NoSuchFileException e) {
      throw new NoDataException("no connection tracking here (nf_conntrack not loaded): " + e.getFile() + " is missing");
    }
    NetStatFile stat = NetStatFile.read(proc, "nf_conntrack");
    List<MetricSnapshot> out = new ArrayList<>(2 + STATS.size());
    out.add(Families.gauge("node_nf_conntrack_entries",
        "Number of currently allocated flow entries for connection tracking.", count));
    out.add(Families.gauge("node_nf_conntrack_entries_limit", "Maximum size of connection tracking table.", max));
    for (Stat s : STATS) {
      OptionalLong sum = stat.sum(s.column());
      if (sum.isPresent()) {
        out.add(Families.gauge("node_nf_conntrack_stat_" + s.column(), s.help(), sum.getAsLong()));
      }
    }
    return out;
  }
}
