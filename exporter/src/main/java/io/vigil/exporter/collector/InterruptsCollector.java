package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.Interrupts;
import io.vigil.exporter.source.procfs.ProcFs;
import java.util.List;
import java.util.Map;

/**
 * node_exporter 1.5's {@code interrupts} collector (Linux only, off by default): every interrupt line of
 * {@code /proc/interrupts}, one series per CPU column. {@code type} is the interrupt's number or name, {@code info}
 * its chip (numbered) or description (named), {@code devices} the rest of a numbered line; {@code cpu} is the column's
 * position, as in node_exporter.
 *
 * <pre>
 * node_interrupts_total{cpu="0",devices="1-edge nvme0q1",info="IR-PCI-MSIX-0000:03:00.0",type="128"} 512447
 * node_interrupts_total{cpu="0",devices="",info="Local timer interrupts",type="LOC"} 686976
 * </pre>
 *
 * <p>Thread safety: stateless.
 */
public final class InterruptsCollector implements Collector {

  public static final String NAME = "interrupts";

  private final ProcFs proc;

  public InterruptsCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Interrupts interrupts = Interrupts.read(proc);
    if (interrupts.interrupts().isEmpty()) {
      return List.of();
    }
    CounterSnapshot.Builder family = CounterSnapshot.builder().name("node_interrupts").help("Interrupt details.");
    for (Map.Entry<String, Interrupts.Interrupt> e : interrupts.interrupts().entrySet()) {
      Interrupts.Interrupt irq = e.getValue();
      for (int cpu = 0; cpu < irq.counts().size(); cpu++) {
        family.dataPoint(Families.counterPoint(irq.counts().get(cpu),
            "cpu", Integer.toString(cpu), "type", e.getKey(), "info", irq.info(), "devices", irq.devices()));
      }
    }
    return List.of(family.build());
  }
}
