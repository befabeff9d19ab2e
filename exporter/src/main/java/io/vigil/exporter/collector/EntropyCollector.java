package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.Sysctl;
import java.util.List;

/**
 * node_exporter's {@code entropy} collector (Linux only): {@code /proc/sys/kernel/random/entropy_avail} and
 * {@code poolsize} (random(4)). Since Linux 5.18 both are always 256.
 *
 * <pre>
 * node_entropy_available_bits 256
 * node_entropy_pool_size_bits 256
 * </pre>
 *
 * <p>Thread safety: stateless.
 */
public final class EntropyCollector implements Collector {

  public static final String NAME = "entropy";

  private final ProcFs proc;

  public EntropyCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    long available = Sysctl.readUnsigned(proc, "kernel.random.entropy_avail");
    long poolSize = Sysctl.readUnsigned(proc, "kernel.random.poolsize");
    return List.of(
        Families.gauge("node_entropy_available_bits", "Bits of available entropy.", available),
        Families.gauge("node_entropy_pool_size_bits", "Bits of entropy pool.", poolSize));
  }
}
