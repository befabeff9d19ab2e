package io.vigil.exporter.source.procfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * One hardware monitoring chip: a {@code /sys/class/hwmon/hwmon<N>} directory with its raw sensor attributes (see
 * the kernel's Documentation/hwmon/sysfs-interface.rst). Values are kept as the kernel wrote them (newlines
 * trimmed, text cut at {@link AttributeFile#MAX_BYTES}); unit conversion belongs to the collector, because the unit
 * depends on the attribute.
 *
 * <p>Naming follows node_exporter 1.5. {@code chip} is stable across reboots: built from the resolved
 * {@code device} link as {@code <parent dir>_<device dir>} ({@code platform_coretemp_0},
 * {@code pci0000:00_0000:00:18_3}, {@code nvme_nvme0}), else the cleaned {@code name} file, else the cleaned
 * {@code hwmon<N>} directory name. {@code chipName} is the cleaned {@code name} file ({@code coretemp}), when there
 * is one.
 *
 * @param chip the stable chip label
 * @param chipName the human-readable chip type from the {@code name} file, when present and not blank
 * @param sensors sensor key ({@code temp1}) to property ({@code input}, {@code max}, {@code label}, or {@code ""} for
 *     a bare {@code in0}) to raw value, both levels sorted
 */
public record HwmonChip(String chip, Optional<String> chipName, Map<String, Map<String, String>> sensors) {

  /** The sensor types node_exporter 1.5 reads; files of any other type are ignored. */
  public static final Set<String> SENSOR_TYPES =
      Set.of(
          "vrm", "beep_enable", "update_interval", "in", "cpu", "fan", "pwm", "temp", "curr", "power", "energy",
          "humidity", "intrusion");

  private static final Logger LOG = Logger.getLogger("io.vigil.exporter.collector.hwmon");

  public HwmonChip {
    Objects.requireNonNull(chip, "chip");
    Objects.requireNonNull(chipName, "chipName");
    TreeMap<String, Map<String, String>> copy = new TreeMap<>();
    sensors.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
    sensors = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads every chip under {@code <sysfs>/class/hwmon}, in directory-name order (as node_exporter). Entries that are
   * not directories (or links to none) are skipped, and so is a chip whose directory cannot be listed.
   *
   * @throws NoSuchFileException when the class directory does not exist: the kernel has no hwmon support or this
   *     machine exposes no sensors (typical of virtual machines)
   */
  public static List<HwmonChip> readAll(SysFs sysFs) throws IOException {
    Path classDir = sysFs.path("class", "hwmon");
    if (!Files.isDirectory(classDir)) {
      throw new NoSuchFileException(
          classDir.toString(), null, "no hwmon class directory: this host exposes no hardware sensors");
    }
    List<HwmonChip> chips = new ArrayList<>();
    for (Path dir : sortedEntries(classDir)) {
      if (!Files.isDirectory(dir)) {
        continue; // a stray file, or a link to a device that went away
      }
      try {
        chips.add(read(dir));
      } catch (IOException e) {
        LOG.fine(() -> "collector=hwmon skipping " + dir + ": " + e);
      }
    }
    return List.copyOf(chips);
  }

  /** Reads one {@code hwmon<N>} directory: its own attributes, then those on its {@code device} (older drivers). */
  public static HwmonChip read(Path dir) throws IOException {
    Map<String, Map<String, String>> sensors = new TreeMap<>();
    collectSensorFiles(dir, sensors);
    Path device = dir.resolve("device");
    if (Files.exists(device)) {
      collectSensorFiles(device, sensors);
    }
    Optional<String> chipName = humanReadableName(dir);
    return new HwmonChip(chipName(dir, chipName), chipName, sensors);
  }

  /**
   * node_exporter's {@code cleanMetricName}: lower case, every character outside {@code [a-z0-9:_]} becomes
   * {@code _}, leading and trailing {@code _} removed. {@code "Package id 0"} becomes {@code package_id_0}.
   */
  public static String clean(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints()
        .map(Character::toLowerCase)
        .forEach(c -> b.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':' || c == '_' ? (char) c : '_'));
    int start = 0;
    int end = b.length();
    while (start < end && b.charAt(start) == '_') {
      start++;
    }
    while (end > start && b.charAt(end - 1) == '_') {
      end--;
    }
    return b.substring(start, end);
  }

  /**
   * The chip label from a resolved device path: {@code /sys/devices/platform/coretemp.0} gives
   * {@code platform_coretemp_0}. Empty when both parts clean to nothing.
   */
  public static Optional<String> chipFromDevicePath(Path resolvedDevice) {
    Path name = resolvedDevice.getFileName();
    Path parent = resolvedDevice.getParent();
    String devName = name == null ? "" : clean(name.toString());
    String devType = parent == null || parent.getFileName() == null ? "" : clean(parent.getFileName().toString());
    if (!devType.isEmpty() && !devName.isEmpty()) {
      return Optional.of(devType + "_" + devName);
    }
    return devName.isEmpty() ? Optional.empty() : Optional.of(devName);
  }

  private static String chipName(Path dir, Optional<String> humanReadable) throws IOException {
    Path device = dir.resolve("device");
    try {
      Optional<String> fromDevice = chipFromDevicePath(device.toRealPath());
      if (fromDevice.isPresent()) {
        return fromDevice.get();
      }
    } catch (IOException ignored) {
      // no (resolvable) device link, as on virtual chips and old kernels: fall back to the name file
    }
    if (humanReadable.isPresent()) {
      return humanReadable.get();
    }
    Path real = dir.toRealPath().getFileName();
    String fallback = real == null ? "" : clean(real.toString());
    if (fallback.isEmpty()) {
      throw new IOException("could not derive a chip name for " + dir);
    }
    return fallback;
  }

  private static Optional<String> humanReadableName(Path dir) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(dir.resolve("name"));
    } catch (IOException ignored) {
      return Optional.empty(); // chips of old drivers keep "name" on the device, which node_exporter does not read
    }
    String cleaned = clean(GoStrings.decodeRunes(raw, 0, raw.length));
    return cleaned.isEmpty() ? Optional.empty() : Optional.of(cleaned);
  }

  private static void collectSensorFiles(Path dir, Map<String, Map<String, String>> sensors) throws IOException {
    for (Path file : sortedEntries(dir)) {
      Optional<HwmonAttributeName> name = HwmonAttributeName.parse(file.getFileName().toString());
      if (name.isEmpty() || !SENSOR_TYPES.contains(name.get().type())) {
        continue;
      }
      String value;
      try {
        value = GoStrings.trimNewlines(AttributeFile.read(file));
      } catch (IOException ignored) {
        continue; // unreadable attribute (EIO/EAGAIN from a flaky driver, a directory such as power/): skip it
      }
      sensors.computeIfAbsent(name.get().sensor(), k -> new TreeMap<>()).put(name.get().property(), value);
    }
  }

  private static List<Path> sortedEntries(Path dir) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(entries::add);
    }
    entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    return entries;
  }
}
