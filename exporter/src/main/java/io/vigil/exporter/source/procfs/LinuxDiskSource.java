package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.DiskInfo;
import io.vigil.exporter.source.DiskSource;
import io.vigil.exporter.source.DiskStats;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;

/**
 * Block devices on Linux: counters from {@code /proc/diskstats}, identity from udev's database
 * ({@code --path.udev.data}, default {@code /run/udev/data}), as node_exporter 1.5's diskstats collector reads them.
 *
 * <p>Thread safety: immutable.
 */
public final class LinuxDiskSource implements DiskSource {

  private static final Logger LOG = Logger.getLogger(LinuxDiskSource.class.getName());

  static final String ID_MODEL = "ID_MODEL";
  static final String ID_PATH = "ID_PATH";
  static final String ID_REVISION = "ID_REVISION";
  /** node_exporter 1.5 takes the serial from ID_SERIAL_SHORT only (later releases prefer SCSI_IDENT_SERIAL). */
  static final String ID_SERIAL_SHORT = "ID_SERIAL_SHORT";
  static final String ID_WWN = "ID_WWN";

  private final ProcFs proc;
  private final Path udevData;

  public LinuxDiskSource(ProcFs proc, Path udevData) {
    this.proc = proc;
    this.udevData = udevData;
  }

  @Override
  public List<DiskStats> diskstats() throws IOException {
    Path file = proc.path("diskstats");
    return DiskStats.parse(
        file, ProcFs.readText(file), bad -> LOG.fine(() -> "collector=diskstats skipping device: " + bad.getMessage()));
  }

  @Override
  public DiskInfo info(DiskStats disk) {
    UdevDeviceData udev = udev(disk.major(), disk.minor());
    return new DiskInfo(
        disk.device(),
        disk.major(),
        disk.minor(),
        udev.property(ID_MODEL),
        udev.property(ID_PATH),
        udev.property(ID_REVISION),
        udev.property(ID_SERIAL_SHORT),
        udev.property(ID_WWN));
  }

  /** The device's udev properties; none when udev has no entry (containers, no udev) or it cannot be read. */
  UdevDeviceData udev(int major, int minor) {
    Path file = udevData.resolve("b" + major + ":" + minor);
    if (ProcFs.missing(file)) {
      return UdevDeviceData.EMPTY; // device mapper and loop devices often have no entry: no exception per scrape
    }
    try {
      return UdevDeviceData.parse(ProcFs.readText(file));
    } catch (NoSuchFileException ignored) {
      return UdevDeviceData.EMPTY; // udev does not know the device, or there is no udev database at all
    } catch (IOException e) {
      LOG.fine(() -> "collector=diskstats cannot read udev data " + file + ": " + e);
      return UdevDeviceData.EMPTY;
    }
  }
}
