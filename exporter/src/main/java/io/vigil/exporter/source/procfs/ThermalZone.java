package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.logging.Logger;

/**
 * One thermal zone: {@code /sys/class/thermal/thermal_zone<N>/{type,policy,temp}} (kernel
 * Documentation/driver-api/thermal/sysfs-api.rst).
 *
 * @param zone the zone number as written in the directory name ({@code 0} for {@code thermal_zone0})
 * @param type what the zone measures ({@code acpitz}, {@code x86_pkg_temp}, {@code cpu-thermal})
 * @param policy the governor ({@code step_wise}); read because the kernel always has it, so a zone without one is
 *     broken and skipped, as node_exporter's procfs library does
 * @param tempMillicelsius the temperature in millidegrees Celsius, possibly negative
 */
public record ThermalZone(String zone, String type, String policy, long tempMillicelsius) {

  private static final Logger LOG = Logger.getLogger("io.vigil.exporter.collector.thermal_zone");
  private static final String PREFIX = "thermal_zone";

  public ThermalZone {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(policy, "policy");
  }

  /** The temperature in degrees Celsius. */
  public double tempCelsius() {
    return tempMillicelsius / 1000.0;
  }

  /**
   * Reads every {@code thermal_zone[0-9]*} entry under {@code <sysfs>/class/thermal}, in name order. No directory
   * means no zones. A zone whose {@code type}, {@code policy} or {@code temp} cannot be read or parsed is skipped
   * (the kernel answers ENODATA or EAGAIN for sensors that are off, such as a wifi card that is down).
   */
  public static List<ThermalZone> readAll(SysFs sysFs) throws IOException {
    List<ThermalZone> zones = new ArrayList<>();
    for (Path dir : numberedEntries(sysFs.path("class", "thermal"), PREFIX)) {
      try {
        zones.add(read(dir));
      } catch (IOException e) {
        LOG.fine(() -> "collector=thermal_zone skipping " + dir + ": " + e.getMessage());
      }
    }
    return List.copyOf(zones);
  }

  /** Reads one {@code thermal_zone<N>} directory. */
  public static ThermalZone read(Path dir) throws IOException {
    String zone = dir.getFileName().toString().substring(PREFIX.length());
    String type = readTrimmed(dir.resolve("type"));
    String policy = readTrimmed(dir.resolve("policy"));
    return new ThermalZone(zone, type, policy, readInt64(dir.resolve("temp")));
  }

  /** An attribute with surrounding whitespace removed, as node_exporter's sysfs library reads it. */
  static String readTrimmed(Path file) throws IOException {
    return GoStrings.trimSpace(AttributeFile.read(file));
  }

  /** A base-10 int64 attribute, or a {@link MalformedFileException}. */
  static long readInt64(Path file) throws IOException {
    String text = readTrimmed(file);
    return GoStrconv.parseInt64(text)
        .orElseThrow(() -> new MalformedFileException(file, 1, text, "expected an integer"));
  }

  /**
   * Entries of {@code dir} named {@code <prefix><digit>...}, sorted by name (Go's {@code filepath.Glob} order).
   * A missing directory has none.
   */
  static List<Path> numberedEntries(Path dir, String prefix) throws IOException {
    List<Path> entries = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return entries;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      for (Path p : stream) {
        String name = p.getFileName().toString();
        if (name.length() > prefix.length()
            && name.startsWith(prefix)
            && name.charAt(prefix.length()) >= '0'
            && name.charAt(prefix.length()) <= '9') {
          entries.add(p);
        }
      }
    }
    entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return entries;
  }
}
