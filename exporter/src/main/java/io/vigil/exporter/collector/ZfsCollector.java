package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.Uint64;
import io.vigil.exporter.source.procfs.ZfsKstat;
import io.vigil.exporter.source.procfs.ZfsPool;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * node_exporter's {@code zfs} collector (Linux only): OpenZFS kstats from {@code /proc/spl/kstat/zfs}, as untyped
 * families named after the kstat and statistic, with the kstat path as help.
 *
 * <pre>
 * # HELP node_zfs_arc_hits kstat.zfs.misc.arcstats.hits
 * # TYPE node_zfs_arc_hits untyped
 * node_zfs_arc_hits 9.8234511e+07
 * node_zfs_zpool_nread{zpool="tank"} 8.123344128e+11
 * node_zfs_zpool_dataset_nread{dataset="tank/backups",zpool="tank"} 8.123344128e+11
 * node_zfs_zpool_state{state="degraded",zpool="tank"} 1
 * </pre>
 *
 * <p>The kstats are node_exporter 1.5's ten (abdstats, arcstats, dmu_tx, dnodestats, fm, vdev_cache_stats,
 * vdev_mirror_stats, xuio_stats, zfetchstats, zil; a missing one is skipped), only their uint64 statistics, and per
 * pool the {@code io} totals, each dataset's {@code objset-*} counters and the pool state. Without
 * {@code /proc/spl/kstat/zfs} (zfs module not loaded) the collector fails ("no data"), as node_exporter's does.
 *
 * <p>Thread safety: stateless.
 */
public final class ZfsCollector implements Collector {

  public static final String NAME = "zfs";

  /** Family prefix (node_exporter's subsystem) and kstat file, in node_exporter 1.5's set. */
  private static final String[][] KSTATS = {
    {"zfs_abd", "abdstats"},
    {"zfs_arc", "arcstats"},
    {"zfs_dmu_tx", "dmu_tx"},
    {"zfs_dnode", "dnodestats"},
    {"zfs_fm", "fm"},
    {"zfs_vdev_cache", "vdev_cache_stats"},
    {"zfs_vdev_mirror", "vdev_mirror_stats"},
    {"zfs_xuio", "xuio_stats"},
    {"zfs_zfetch", "zfetchstats"},
    {"zfs_zil", "zil"},
  };

  /** Pool states node_exporter 1.5 reports, one gauge each. */
  private static final List<String> POOL_STATES =
      List.of("online", "degraded", "faulted", "offline", "removed", "unavail");

  private final ProcFs proc;

  public ZfsCollector(ProcFs proc) {
    this.proc = proc;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    Path base = proc.path("spl", "kstat", "zfs");
    if (!Files.isDirectory(base)) {
      throw new NoDataException(base + ": no ZFS statistics (the zfs module is not loaded)");
    }
    LabelledFamilies out = new LabelledFamilies();
    for (String[] k : KSTATS) {
      Path file = base.resolve(k[1]);
      if (!Files.isRegularFile(file)) {
        continue; // kstats come and go with OpenZFS versions
      }
      ZfsKstat.read(file).uint64s().forEach((stat, value) -> out.untyped(
          "node_" + k[0] + "_" + stat.replace('-', '_'), "kstat.zfs.misc." + k[1] + "." + stat,
          Uint64.toDouble(value)));
    }
    List<ZfsPool> pools = ZfsPool.readAll(base);
    for (ZfsPool pool : pools) {
      pool.io().ifPresent(io -> io.forEach((field, value) -> out.untyped(
          "node_zfs_zpool_" + field.replace('-', '_'), "kstat.zfs.misc.io." + field, Uint64.toDouble(value),
          "zpool", pool.name())));
    }
    for (ZfsPool pool : pools) {
      for (ZfsKstat objset : pool.objsets()) {
        String dataset = objset.string("dataset_name").orElse("");
        objset.uint64s().forEach((stat, value) -> out.untyped(
            "node_zfs_zpool_dataset_" + stat.replace('-', '_'), "kstat.zfs.misc.objset." + stat,
            Uint64.toDouble(value), "zpool", pool.name(), "dataset", dataset));
      }
    }
    for (ZfsPool pool : pools) {
      pool.state().ifPresent(state -> {
        for (String s : POOL_STATES) {
          out.gauge("node_zfs_zpool_state", "kstat.zfs.misc.state", s.equals(state) ? 1 : 0,
              "zpool", pool.name(), "state", s);
        }
      });
    }
    return out.snapshots();
  }
}
