package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.OrderedMaps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One mounted btrfs filesystem: {@code /sys/fs/btrfs/<fsid>/} (Documentation/ABI/testing/sysfs-fs-btrfs;
 * fs/btrfs/sysfs.c). Space is in bytes; device sizes ({@code devices/<dev>/size}, the block device's own attribute)
 * are in 512-byte sectors and converted.
 *
 * @param uuid {@code metadata_uuid} (Linux 5.0+), else the directory name (the fsid)
 * @param label {@code label}; empty when unset or absent
 * @param globalReserveBytes {@code allocation/global_rsv_size}
 * @param deviceBytes member devices by name ({@code sdb}), size in bytes when readable
 * @param allocations {@code allocation/data}, {@code metadata} and {@code system} as present, in that order
 */
public record BtrfsFilesystem(
    String uuid,
    String label,
    Optional<Long> globalReserveBytes,
    Map<String, Optional<Long>> deviceBytes,
    List<Allocation> allocations) {

  public static final long SECTOR_BYTES = 512;

  public BtrfsFilesystem {
    deviceBytes = OrderedMaps.copyOf(deviceBytes);
    allocations = List.copyOf(allocations);
  }

  /**
   * One block group type.
   *
   * @param type {@code data}, {@code metadata} or {@code system}
   * @param reservedBytes {@code bytes_reserved}
   * @param layouts by RAID profile directory ({@code single}, {@code dup}, {@code raid1}, ...), sorted
   */
  public record Allocation(String type, Optional<Long> reservedBytes, List<Layout> layouts) {
    public Allocation {
      layouts = List.copyOf(layouts);
    }
  }

  /**
   * Space of one profile of a block group type.
   *
   * @param mode the profile ({@code raid1})
   * @param totalBytes {@code total_bytes}: allocated to the profile
   * @param usedBytes {@code used_bytes}
   * @param ratio raw bytes per logical byte, as prometheus/procfs computes it from the profile and the device count:
   *     single/raid0 1, dup/raid1/raid10 2, raid5 n/(n-1), raid6 n/(n-2), any other profile (raid1c3, raid1c4) 0
   */
  public record Layout(String mode, Optional<Long> totalBytes, Optional<Long> usedBytes, double ratio) {}

  /**
   * Reads every filesystem under {@code <sysfs>/fs/btrfs} (directories named like a UUID, with a dash; the
   * {@code features} directory is not one), sorted; empty without btrfs.
   *
   * @throws MalformedFileException on a value that is not an unsigned integer
   */
  public static List<BtrfsFilesystem> readAll(SysFs sys) throws IOException {
    Path root = sys.path("fs", "btrfs");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<BtrfsFilesystem> all = new ArrayList<>();
    for (Path dir : SysfsDirs.subdirectories(root)) {
      if (dir.getFileName().toString().contains("-")) {
        all.add(read(dir));
      }
    }
    return List.copyOf(all);
  }

  private static BtrfsFilesystem read(Path dir) throws IOException {
    Map<String, Optional<Long>> devices = new LinkedHashMap<>();
    Path devicesDir = dir.resolve("devices");
    if (Files.isDirectory(devicesDir)) {
      for (Path device : SysfsDirs.subdirectories(devicesDir)) {
        devices.put(device.getFileName().toString(),
            SysfsDirs.unsigned(device.resolve("size")).map(sectors -> sectors * SECTOR_BYTES));
      }
    }
    List<Allocation> allocations = new ArrayList<>();
    for (String type : List.of("data", "metadata", "system")) {
      Path typeDir = dir.resolve("allocation").resolve(type);
      if (!Files.isDirectory(typeDir)) {
        continue;
      }
      List<Layout> layouts = new ArrayList<>();
      for (Path layout : SysfsDirs.subdirectories(typeDir)) {
        String mode = layout.getFileName().toString();
        layouts.add(new Layout(mode, SysfsDirs.unsigned(layout.resolve("total_bytes")),
            SysfsDirs.unsigned(layout.resolve("used_bytes")), ratio(mode, devices.size())));
      }
      allocations.add(new Allocation(type, SysfsDirs.unsigned(typeDir.resolve("bytes_reserved")), layouts));
    }
    String uuid = SysFs.readAttribute(dir.resolve("metadata_uuid")).filter(s -> !s.isEmpty())
        .orElse(dir.getFileName().toString());
    return new BtrfsFilesystem(uuid, SysFs.readAttribute(dir.resolve("label")).orElse(""),
        SysfsDirs.unsigned(dir.resolve("allocation").resolve("global_rsv_size")), devices, allocations);
  }

  static double ratio(String mode, int devices) {
    return switch (mode) {
      case "single", "raid0" -> 1;
      case "dup", "raid1", "raid10" -> 2;
      case "raid5" -> (double) devices / (devices - 1);
      case "raid6" -> (double) devices / (devices - 2);
      default -> 0;
    };
  }
}
