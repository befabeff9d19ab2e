package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.Tokens;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One clock event device's time sources: {@code /sys/devices/system/clocksource/clocksource<N>/} (kernel
 * Documentation/ABI/testing/sysfs-devices-system-cpu and Documentation/timers/timekeeping.rst).
 *
 * @param device the number after {@code clocksource}, as node_exporter labels it ({@code "0"})
 * @param available {@code available_clocksource}: the usable sources, in kernel order ({@code tsc}, {@code kvm-clock})
 * @param current {@code current_clocksource}: the one in use
 */
public record Clocksource(String device, List<String> available, String current) {

  private static final String PREFIX = "clocksource";

  public Clocksource {
    available = List.copyOf(available);
  }

  /**
   * Every {@code clocksource<N>} directory, by number. A missing clocksource directory gives an empty list; a device
   * whose attributes cannot be read is skipped.
   */
  public static List<Clocksource> readAll(SysFs sys) throws IOException {
    Path dir = sys.path("devices", "system", "clocksource");
    List<Path> devices = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "[0-9]*")) {
      entries.forEach(devices::add);
    } catch (NoSuchFileException ignored) {
      return List.of(); // no clocksource directory in this sysfs (a container, a fixture)
    }
    devices.sort(Comparator.comparingLong(Clocksource::number));
    List<Clocksource> out = new ArrayList<>();
    for (Path device : devices) {
      Optional<String> available = SysFs.readAttribute(device.resolve("available_clocksource"));
      Optional<String> current = SysFs.readAttribute(device.resolve("current_clocksource"));
      if (available.isPresent() && current.isPresent()) {
        out.add(parse(device.getFileName().toString().substring(PREFIX.length()), available.get(), current.get()));
      }
    }
    return out;
  }

  /** Builds one device from the attribute texts ({@code "tsc kvm-clock \n"}, {@code "tsc\n"}). */
  public static Clocksource parse(String device, String availableText, String currentText) {
    return new Clocksource(device, Tokens.fields(availableText.strip()), currentText.strip());
  }

  private static long number(Path device) {
    String digits = device.getFileName().toString().substring(PREFIX.length());
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // clocksource0abc: sort last; the glob only guarantees a leading digit
    }
  }
}
