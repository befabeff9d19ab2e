package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * One thermal cooling device: {@code /sys/class/thermal/cooling_device<N>/{type,max_state,cur_state}} (kernel
 * Documentation/driver-api/thermal/sysfs-api.rst).
 *
 * @param name the device number as written in the directory name ({@code 4} for {@code cooling_device4})
 * @param type the device kind ({@code Processor}, {@code intel_powerclamp}, {@code Fan})
 * @param maxState the highest throttle state
 * @param curState the current throttle state; {@code intel_powerclamp} reports -1 while idle injection is off
 */
public record CoolingDevice(String name, String type, long maxState, long curState) {

  private static final Logger LOG = Logger.getLogger("io.vigil.exporter.collector.thermal_zone");
  private static final String PREFIX = "cooling_device";

  public CoolingDevice {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /**
   * Reads every {@code cooling_device[0-9]*} entry under {@code <sysfs>/class/thermal}, in name order. No directory
   * means no devices; a device whose files cannot be read or parsed is skipped.
   */
  public static List<CoolingDevice> readAll(SysFs sysFs) throws IOException {
    List<CoolingDevice> devices = new ArrayList<>();
    for (Path dir : ThermalZone.numberedEntries(sysFs.path("class", "thermal"), PREFIX)) {
      try {
        devices.add(read(dir));
      } catch (IOException e) {
        LOG.fine(() -> "collector=thermal_zone skipping " + dir + ": " + e.getMessage());
      }
    }
    return List.copyOf(devices);
  }

  /** Reads one {@code cooling_device<N>} directory. */
  public static CoolingDevice read(Path dir) throws IOException {
    String name = dir.getFileName().toString().substring(PREFIX.length());
    String type = ThermalZone.readTrimmed(dir.resolve("type"));
    long max = ThermalZone.readInt64(dir.resolve("max_state"));
    long cur = ThermalZone.readInt64(dir.resolve("cur_state"));
    return new CoolingDevice(name, type, max, cur);
  }
}
