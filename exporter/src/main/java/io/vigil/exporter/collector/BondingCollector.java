package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.NetBonding;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * node_exporter's {@code bonding} collector (Linux): configured and MII-up slaves of each bonding interface, from
 * {@code /sys/class/net}.
 *
 * <pre>
 * # HELP node_bonding_active Number of active slaves per bonding interface.
 * node_bonding_active{master="bond0"} 1
 * # HELP node_bonding_slaves Number of configured slaves per bonding interface.
 * node_bonding_slaves{master="bond0"} 2
 * </pre>
 *
 * <p>"Active" is node_exporter's meaning: MII status {@code up}, whatever the bonding mode's active/backup state.
 * Without the bonding driver ({@code bonding_masters} absent) or when a listed bond or slave has no files, the
 * collector fails with "no data", as node_exporter's does.
 *
 * <p>Thread safety: stateless.
 */
public final class BondingCollector implements Collector {

  public static final String NAME = "bonding";

  private final SysFs sys;

  public BondingCollector(SysFs sys) {
    this.sys = sys;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<NetBonding> bonds;
    Path masters = sys.path("class", "net", "bonding_masters");
    if (ProcFs.missing(masters)) {
      throw new NoDataException(masters + ": no bonding interfaces (the bonding driver is not loaded)");
    }
    try {
      bonds = NetBonding.readAll(sys);
    } catch (NoSuchFileException e) {
      throw new NoDataException(e.getFile() + ": no bonding interfaces (the bonding driver is not loaded)");
    }
    LabelledFamilies out = new LabelledFamilies();
    for (NetBonding b : bonds) {
      out.gauge("node_bonding_slaves", "Number of configured slaves per bonding interface.", b.slaves(),
          "master", b.master());
    }
    for (NetBonding b : bonds) {
      out.gauge("node_bonding_active", "Number of active slaves per bonding interface.", b.active(),
          "master", b.master());
    }
    return out.snapshots();
  }
}
