package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.Uname;
import java.util.List;

/**
 * node_exporter's {@code uname} collector: the {@link Uname} fields as labels of one constant series.
 *
 * <pre>
 * node_uname_info{domainname="(none)",machine="x86_64",nodename="vm",release="6.1.0-31-amd64",sysname="Linux",
 *     version="#1 SMP PREEMPT_DYNAMIC Debian 6.1.128-1 (2025-02-07)"} 1
 * </pre>
 *
 * <p>Thread safety: stateless.
 */
public final class UnameCollector implements Collector {

  public static final String NAME = "uname";

  private final SourceReader<Uname> source;

  public UnameCollector(SourceReader<Uname> source) {
    this.source = source;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Uname u = source.read();
    return List.of(
        GaugeSnapshot.builder()
            .name("node_uname_info")
            .help("Labeled system information as provided by the uname system call.")
            .dataPoint(
                Families.gaugePoint(
                    1,
                    "domainname", u.domainname(),
                    "machine", u.machine(),
                    "nodename", u.nodename(),
                    "release", u.release(),
                    "sysname", u.sysname(),
                    "version", u.version()))
            .build());
  }
}
