package io.vigil.exporter.source.oshi;

import io.vigil.exporter.source.DiskInfo;
import io.vigil.exporter.source.DiskSource;
import io.vigil.exporter.source.DiskStats;
import io.vigil.exporter.source.DiskStats.Counter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import oshi.hardware.HWDiskStore;

/**
 * Whole disks (no partitions) from OSHI's {@link HWDiskStore}s: reads and writes completed, bytes read and
 * written, requests in flight ({@code IO_NOW}: Linux, Windows, FreeBSD) and OSHI's transfer time, which is busy time
 * on Linux, OpenBSD and NetBSD but the sum of request durations on macOS, Windows and FreeBSD (see
 * {@link OshiPlatform.DiskTime}). Merges, per-direction times, discards and flushes have no OSHI counterpart and stay
 * absent. Major/minor numbers are unknown (-1).
 *
 * <p>Cost: on the BSDs OSHI forks {@code iostat} / {@code systat} for every disk update.
 *
 * <p>Identity ({@code node_disk_info}): OSHI's model and serial, remembered from the latest
 * {@link #diskstats()} (they do not change while a disk exists).
 *
 * <p>Thread safety: the device list locks itself; the identity map is replaced atomically.
 */
final class OshiDisks implements DiskSource {

  private static final String OSHI_UNKNOWN = "unknown";

  private final DeviceList<HWDiskStore> disks;
  private final OshiPlatform platform;
  private final AtomicReference<Map<String, DiskInfo>> identities = new AtomicReference<>(Map.of());

  OshiDisks(DeviceList<HWDiskStore> disks, OshiPlatform platform) {
    this.disks = disks;
    this.platform = platform;
  }

  @Override
  public List<DiskStats> diskstats() {
    List<Snapshot> snapshots = disks.read(d -> new Snapshot(stats(d, platform), identity(d)));
    Map<String, DiskInfo> byDevice = new HashMap<>();
    for (Snapshot s : snapshots) {
      byDevice.put(s.stats().device(), s.info());
    }
    identities.set(Map.copyOf(byDevice));
    return snapshots.stream().map(Snapshot::stats).toList();
  }

  @Override
  public DiskInfo info(DiskStats disk) {
    DiskInfo known = identities.get().get(disk.device());
    return known != null ? known : new DiskInfo(disk.device(), disk.major(), disk.minor(), "", "", "", "", "");
  }

  private record Snapshot(DiskStats stats, DiskInfo info) {}

  /** One disk's counters in base units, in iostats.rst order. */
  static DiskStats stats(HWDiskStore disk, OshiPlatform platform) {
    Map<Counter, Double> values = new LinkedHashMap<>();
    values.put(Counter.READS_COMPLETED, (double) disk.getReads());
    values.put(Counter.READ_BYTES, (double) disk.getReadBytes());
    values.put(Counter.WRITES_COMPLETED, (double) disk.getWrites());
    values.put(Counter.WRITTEN_BYTES, (double) disk.getWriteBytes());
    if (platform.diskQueueLength()) {
      values.put(Counter.IO_NOW, (double) disk.getCurrentQueueLength());
    }
    double transferSeconds = disk.getTransferTime() / 1000.0;
    values.put(platform.diskTime() == OshiPlatform.DiskTime.BUSY
        ? Counter.IO_TIME_SECONDS : Counter.IO_TIME_WEIGHTED_SECONDS, transferSeconds);
    return new DiskStats(deviceName(disk.getName()), -1, -1, values);
  }

  private static DiskInfo identity(HWDiskStore disk) {
    return new DiskInfo(
        deviceName(disk.getName()), -1, -1, known(disk.getModel()), "", "", known(disk.getSerial()), "");
  }

  /** The kernel's short name: {@code /dev/sda} becomes {@code sda}, {@code \\.\PHYSICALDRIVE0} {@code PHYSICALDRIVE0}. */
  static String deviceName(String oshiName) {
    if (oshiName.startsWith("/dev/")) {
      return oshiName.substring("/dev/".length());
    }
    if (oshiName.startsWith("\\\\.\\")) {
      return oshiName.substring("\\\\.\\".length());
    }
    return oshiName;
  }

  /** OSHI's "unknown" placeholder becomes the empty string node_exporter uses for unknown labels. */
  static String known(String value) {
    return value == null || value.isBlank() || value.equals(OSHI_UNKNOWN) ? "" : value.strip();
  }
}
