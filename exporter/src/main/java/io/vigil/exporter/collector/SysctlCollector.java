package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot.UnknownDataPointSnapshot;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.Sysctl;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * node_exporter's {@code sysctl} collector (Linux only, off by default): the configured numeric kernel parameters
 * ({@code collectors.sysctl.include}, node_exporter's {@code --collector.sysctl.include}) as untyped families.
 * <ul>
 *   <li>{@code vm.swappiness} (one value): {@code node_sysctl_vm_swappiness 60};
 *   <li>{@code kernel.printk} (several values): {@code node_sysctl_kernel_printk{index="0"} 4}, one per value;
 *   <li>{@code net.ipv4.ip_local_port_range:low,high} (one name per value):
 *       {@code node_sysctl_net_ipv4_ip_local_port_range_low 32768} and {@code ..._high 60999}.
 * </ul>
 * Characters other than letters, digits and {@code _} in the name become {@code _}. A parameter that does not exist,
 * holds no or non-numeric values, or whose value count does not match its names fails the collection, as in
 * node_exporter. (node_exporter's {@code --collector.sysctl.include-info} string parameters are not supported.)
 *
 * <p>Thread safety: immutable.
 */
public final class SysctlCollector implements Collector {

  public static final String NAME = "sysctl";

  /** node_exporter's SanitizeMetricName: a run of other characters, with the underscores around it, becomes "_". */
  private static final Pattern INVALID = Pattern.compile("_*[^0-9A-Za-z_]+_*");

  private final ProcFs proc;
  private final List<Include> includes;

  /**
   * @param includes {@code name} or {@code name:key1,key2,...} entries
   * @throws IllegalArgumentException on an entry with an empty name or an empty key, or a name given twice
   */
  public SysctlCollector(ProcFs proc, List<String> includes) {
    this.proc = proc;
    this.includes = includes.stream().map(Include::parse).toList();
    if (this.includes.stream().map(Include::name).distinct().count() != this.includes.size()) {
      throw new IllegalArgumentException("sysctl includes name a parameter twice: " + includes);
    }
  }

  /** One configured parameter, with the names of its values when given. */
  record Include(String name, List<String> keys) {

    static Include parse(String spec) {
      int colon = spec.indexOf(':');
      String name = colon < 0 ? spec : spec.substring(0, colon);
      List<String> keys = colon < 0 ? List.of() : Arrays.asList(spec.substring(colon + 1).split(",", -1));
      if (name.isEmpty() || keys.stream().anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException(
            "sysctl include \"" + spec + "\": expected <name> or <name>:<key>,<key>,... without empty parts");
      }
      return new Include(name, List.copyOf(keys));
    }

    String metricName() {
      return "node_sysctl_" + INVALID.matcher(name).replaceAll("_");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<MetricSnapshot> out = new ArrayList<>();
    for (Include include : includes) {
      List<Long> values = Sysctl.read(proc, include.name()).integers();
      String help = "sysctl " + include.name();
      if (values.isEmpty()) {
        throw new IOException("sysctl " + include.name() + " has no values");
      }
      if (values.size() == 1) {
        if (!include.keys().isEmpty()) {
          throw new IOException("sysctl " + include.name() + " has only one value, but expected " + include.keys());
        }
        out.add(Families.untyped(include.metricName(), help, values.get(0)));
      } else if (include.keys().isEmpty()) {
        UnknownSnapshot.Builder family = UnknownSnapshot.builder().name(include.metricName()).help(help);
        for (int i = 0; i < values.size(); i++) {
          family.dataPoint(UnknownDataPointSnapshot.builder()
              .labels(Labels.of("index", Integer.toString(i))).value(values.get(i)).build());
        }
        out.add(family.build());
      } else if (values.size() != include.keys().size()) {
        throw new IOException("sysctl " + include.name() + " has " + values.size() + " values but "
            + include.keys().size() + " keys are configured");
      } else {
        for (int i = 0; i < values.size(); i++) {
          out.add(Families.untyped(
              include.metricName() + "_" + include.keys().get(i), help + ", field " + i, values.get(i)));
        }
      }
    }
    return out;
  }
}
