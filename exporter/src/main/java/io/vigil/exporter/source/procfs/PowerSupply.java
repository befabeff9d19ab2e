package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * One power supply: the attribute files of {@code /sys/class/power_supply/<name>/} (drivers/power/supply/
 * power_supply_sysfs.c; Documentation/ABI/testing/sysfs-class-power). Numbers are kept as the kernel prints them
 * (µV, µA, µWh, µAh, µW, tenths of °C, seconds); strings trimmed. Only the attributes node_exporter 1.5 knows are
 * kept, and only those the driver provides.
 *
 * @param name the directory name ({@code BAT0}, {@code AC}, {@code ucsi-source-psy-USBC000:001})
 * @param numbers numeric attributes by file name, e.g. {@code voltage_now}
 * @param strings text attributes by file name, e.g. {@code status}
 */
public record PowerSupply(String name, Map<String, Long> numbers, Map<String, String> strings) {

  /** The text attributes node_exporter turns into {@code node_power_supply_info} labels. */
  public static final Set<String> STRING_ATTRIBUTES =
      Set.of("capacity_level", "charge_type", "health", "manufacturer", "model_name", "scope", "serial_number",
          "status", "technology", "type", "usb_type");

  /** The numeric attributes prometheus/procfs parses (some, like {@code *_avg}, node_exporter does not emit). */
  public static final Set<String> NUMBER_ATTRIBUTES =
      Set.of("authentic", "calibrate", "capacity", "capacity_alert_max", "capacity_alert_min", "charge_avg",
          "charge_control_limit", "charge_control_limit_max", "charge_counter", "charge_empty", "charge_empty_design",
          "charge_full", "charge_full_design", "charge_now", "charge_term_current", "constant_charge_current",
          "constant_charge_current_max", "constant_charge_voltage", "constant_charge_voltage_max", "current_avg",
          "current_boot", "current_max", "current_now", "cycle_count", "energy_avg", "energy_empty",
          "energy_empty_design", "energy_full", "energy_full_design", "energy_now", "input_current_limit", "online",
          "power_avg", "power_now", "precharge_current", "present", "temp", "temp_alert_max", "temp_alert_min",
          "temp_ambient", "temp_ambient_max", "temp_ambient_min", "temp_max", "temp_min", "time_to_empty_avg",
          "time_to_empty_now", "time_to_full_avg", "time_to_full_now", "voltage_avg", "voltage_boot", "voltage_max",
          "voltage_max_design", "voltage_min", "voltage_min_design", "voltage_now", "voltage_ocv");

  public OptionalLong number(String attribute) {
    Long v = numbers.get(attribute);
    return v == null ? OptionalLong.empty() : OptionalLong.of(v);
  }

  public Optional<String> string(String attribute) {
    return Optional.ofNullable(strings.get(attribute));
  }

  /** The class directory node_exporter lists. */
  public static Path classDirectory(SysFs sys) {
    return sys.path("class", "power_supply");
  }

  /**
   * Reads every supply under {@code <sysfs>/class/power_supply}, sorted by name. An attribute the driver refuses to
   * read (EINVAL, ENODEV while the device sleeps) is absent.
   *
   * @throws java.nio.file.NoSuchFileException when the class directory does not exist (no power supply class)
   * @throws MalformedFileException when a numeric attribute is not a decimal integer: as in node_exporter, this
   *     fails the whole read
   */
  public static List<PowerSupply> readAll(SysFs sys) throws IOException {
    List<PowerSupply> supplies = new ArrayList<>();
    for (Path dir : SysfsDirs.subdirectories(classDirectory(sys))) {
      supplies.add(read(dir));
    }
    return List.copyOf(supplies);
  }

  private static PowerSupply read(Path dir) throws IOException {
    Map<String, Long> numbers = new TreeMap<>();
    Map<String, String> strings = new TreeMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path file : files) {
        String attribute = file.getFileName().toString();
        boolean number = NUMBER_ATTRIBUTES.contains(attribute);
        // node_exporter reads regular files only: not device/, power/, hwmonN/ or the subsystem link
        if (!(number || STRING_ATTRIBUTES.contains(attribute))
            || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        Optional<String> value = SysFs.readAttribute(file);
        if (value.isEmpty()) {
          continue;
        }
        if (number) {
          OptionalLong parsed = GoStrconv.parseInt64(value.get());
          if (parsed.isEmpty()) {
            throw new MalformedFileException(file, 1, value.get(), "expected a decimal integer");
          }
          numbers.put(attribute, parsed.getAsLong());
        } else {
          strings.put(attribute, value.get());
        }
      }
    }
    return new PowerSupply(dir.getFileName().toString(), Map.copyOf(numbers), Map.copyOf(strings));
  }
}
