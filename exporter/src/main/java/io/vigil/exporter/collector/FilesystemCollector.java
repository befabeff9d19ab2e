package io.vigil.exporter.collector;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.config.FilesystemOptions;
import io.vigil.exporter.source.FilesystemSource;
import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.Mount;
import io.vigil.exporter.source.UnsupportedSourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * node_exporter's {@code filesystem} collector: space and inodes of every mount that passes the mount point and
 * filesystem type filters.
 *
 * <pre>
 * # TYPE node_filesystem_avail_bytes gauge
 * node_filesystem_avail_bytes{device="/dev/nvme0n1p2",fstype="ext4",mountpoint="/"} 3.1e+11
 * # TYPE node_filesystem_device_error gauge
 * node_filesystem_device_error{device="nas:/backup",fstype="nfs4",mountpoint="/srv/backup"} 1
 * </pre>
 *
 * <p>As in node_exporter 1.5: a mount whose {@code statfs} fails or times out gets {@code device_error 1} and no other
 * family; a mount listed twice with the same device, type and mount point is reported once (the first); read-only
 * comes from the {@code ro} mount option. Each {@code statfs} runs under {@link FilesystemOptions#statTimeout()} in a
 * {@link StatfsGuard}, so one dead network mount costs at most that long once, and nothing afterwards until its call
 * returns.
 *
 * <p>Thread safety: one {@link #collect} at a time (the runner's contract).
 */
public final class FilesystemCollector implements Collector {

  public static final String NAME = "filesystem";

  static final String SIZE = "node_filesystem_size_bytes";
  static final String FREE = "node_filesystem_free_bytes";
  static final String AVAIL = "node_filesystem_avail_bytes";
  static final String FILES = "node_filesystem_files";
  static final String FILES_FREE = "node_filesystem_files_free";
  static final String READONLY = "node_filesystem_readonly";
  static final String DEVICE_ERROR = "node_filesystem_device_error";

  private static final Logger LOG = Logger.getLogger(FilesystemCollector.class.getName());

  private final FilesystemSource source;
  private final FilesystemOptions options;
  private final StatfsGuard statfs;

  public FilesystemCollector(FilesystemSource source, FilesystemOptions options) {
    this.source = source;
    this.options = options;
    this.statfs = new StatfsGuard(source, options.statTimeout());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<MetricSnapshot> collect() throws Exception {
    List<GaugeDataPointSnapshot> size = new ArrayList<>();
    List<GaugeDataPointSnapshot> free = new ArrayList<>();
    List<GaugeDataPointSnapshot> avail = new ArrayList<>();
    List<GaugeDataPointSnapshot> files = new ArrayList<>();
    List<GaugeDataPointSnapshot> filesFree = new ArrayList<>();
    List<GaugeDataPointSnapshot> readonly = new ArrayList<>();
    List<GaugeDataPointSnapshot> deviceError = new ArrayList<>();
    Set<Labels> seen = new HashSet<>();
    for (Mount mount : source.mounts()) {
      if (!options.mountPoints().keeps(mount.mountPoint()) || !options.fsTypes().keeps(mount.fsType())) {
        continue;
      }
      Labels labels =
          Labels.of("device", mount.device(), "fstype", mount.fsType(), "mountpoint", mount.mountPoint());
      if (!seen.add(labels)) {
        continue; // the same filesystem listed again (a repeated bind or namespace mount): one series per label set
      }
      FsUsage usage;
      try {
        usage = statfs.usage(mount);
      } catch (UnsupportedSourceException e) {
        throw e; // no statfs on this platform at all: a collector failure, not a per-mount error
      } catch (IOException e) {
        LOG.fine(() -> "collector=" + NAME + " statfs failed for " + mount.mountPoint() + ": " + e.getMessage());
        deviceError.add(point(labels, 1));
        continue;
      }
      deviceError.add(point(labels, 0));
      size.add(point(labels, usage.sizeBytes()));
      free.add(point(labels, usage.freeBytes()));
      avail.add(point(labels, usage.availBytes()));
      usage.files().ifPresent(v -> files.add(point(labels, v)));
      usage.filesFree().ifPresent(v -> filesFree.add(point(labels, v)));
      readonly.add(point(labels, mount.readOnly() ? 1 : 0));
    }
    List<MetricSnapshot> families = new ArrayList<>(7);
    addFamily(families, SIZE, "Filesystem size in bytes.", size);
    addFamily(families, FREE, "Filesystem free space in bytes.", free);
    addFamily(families, AVAIL, "Filesystem space available to non-root users in bytes.", avail);
    addFamily(families, FILES, "Filesystem total file nodes.", files);
    addFamily(families, FILES_FREE, "Filesystem total free file nodes.", filesFree);
    addFamily(families, READONLY, "Filesystem read-only status.", readonly);
    addFamily(
        families, DEVICE_ERROR, "Whether an error occurred while getting statistics for the given device.",
        deviceError);
    return families;
  }

  /** For tests: the guard's threads and stuck mount points. */
  StatfsGuard statfsGuard() {
    return statfs;
  }

  private static GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }

  private static void addFamily(
      List<MetricSnapshot> families, String name, String help, List<GaugeDataPointSnapshot> points) {
    if (points.isEmpty()) {
      return; // no mount has the figure: no family (absent is never 0)
    }
    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
    points.forEach(b::dataPoint);
    families.add(b.build());
  }
}
