package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.Mdstat;
import io.vigil.exporter.source.procfs.ProcFs;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * node_exporter's {@code mdadm} collector (Linux only): software RAID arrays from {@code /proc/mdstat}.
 *
 * <pre>
 * node_md_state{device="md1",state="recovering"} 1
 * node_md_disks{device="md1",state="active"} 3
 * node_md_disks_required{device="md1"} 4
 * node_md_blocks_synced{device="md1"} 4.93358976e+08
 * </pre>
 *
 * <p>Without {@code /proc/mdstat} (md driver not loaded) the collector fails, as node_exporter's does ("no data").
 *
 * <p>Thread safety: stateless.
 */
public final class MdadmCollector implements Collector {

  public static final String NAME = "mdadm";

  private static final String STATE_HELP = "Indicates the state of md-device.";

  /** node_exporter's {@code state} label values and the activity state each stands for. */
  private static final List<String[]> STATES =
      List.of(
          new String[] {"active", "active"},
          new String[] {"inactive", "inactive"},
          new String[] {"recovering", "recovering"},
          new String[] {"resync", "resyncing"},
          new String[] {"check", "checking"});

  private final ProcFs proc;

  public MdadmCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Path file = proc.path("mdstat");
    if (!Files.exists(file)) {
      throw new NoDataException(file + ": no md arrays to report (the md driver is not loaded)");
    }
    LabelledFamilies out = new LabelledFamilies();
    for (Mdstat.Array md : Mdstat.read(proc).arrays()) {
      String device = md.name();
      out.gauge("node_md_disks_required", "Total number of disks of device.", md.disksTotal(), "device", device);
      String disksHelp = "Number of active/failed/spare disks of device.";
      out.gauge("node_md_disks", disksHelp, md.disksActive(), "device", device, "state", "active");
      out.gauge("node_md_disks", disksHelp, md.disksFailed(), "device", device, "state", "failed");
      out.gauge("node_md_disks", disksHelp, md.disksSpare(), "device", device, "state", "spare");
      for (String[] state : STATES) {
        out.gauge("node_md_state", STATE_HELP, state[1].equals(md.activityState()) ? 1 : 0,
            "device", device, "state", state[0]);
      }
      out.gauge("node_md_blocks", "Total number of blocks on device.", md.blocksTotal(), "device", device);
      out.gauge("node_md_blocks_synced", "Number of blocks synced on device.", md.blocksSynced(), "device", device);
    }
    return out.snapshots();
  }
}
