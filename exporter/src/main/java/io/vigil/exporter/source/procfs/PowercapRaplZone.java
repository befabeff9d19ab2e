package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One RAPL power zone of the powercap class: {@code /sys/class/powercap/intel-rapl:<n>[:<m>]/}
 * (Documentation/power/powercap/powercap.rst). {@code name} is {@code package-0}, {@code core}, {@code uncore},
 * {@code dram} or {@code psys}; {@code energy_uj} is a wrapping microjoule counter (root-only since Linux 5.10).
 *
 * @param name the zone name without a numeric {@code -<n>} suffix ({@code package})
 * @param index that suffix, or how many zones of this name came before (two {@code dram} zones get 0 and 1)
 * @param directory the zone directory under the sysfs root, as node_exporter's {@code path} label shows it
 * @param maxEnergyRangeMicrojoules {@code max_energy_range_uj}
 */
public record PowercapRaplZone(String name, int index, Path directory, long maxEnergyRangeMicrojoules) {

  /** The class directory node_exporter lists. */
  public static Path classDirectory(SysFs sys) {
    return sys.path("class", "powercap");
  }

  /**
   * Lists the zones in directory name order: every entry with a readable {@code name} file (the
   * {@code intel-rapl} control type directory has none).
   *
   * @throws java.nio.file.NoSuchFileException when the class directory or a zone's {@code max_energy_range_uj}
   *     does not exist
   * @throws MalformedFileException when {@code max_energy_range_uj} is not an unsigned integer
   */
  public static List<PowercapRaplZone> readAll(SysFs sys) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> dir = Files.newDirectoryStream(classDirectory(sys))) {
      dir.forEach(entries::add);
    }
    entries.sort(null);
    Map<String, Integer> uses = new HashMap<>();
    List<PowercapRaplZone> zones = new ArrayList<>();
    for (Path entry : entries) {
      Optional<String> rawName = SysFs.readAttribute(entry.resolve("name"));
      if (rawName.isEmpty()) {
        continue;
      }
      String name = rawName.get();
      int index;
      String[] parts = name.split("-", -1);
      Integer suffix = parts.length == 2 ? parseIndex(parts[1]) : null;
      if (suffix != null) {
        index = suffix;
        name = parts[0];
      } else {
        index = uses.getOrDefault(name, 0);
      }
      uses.put(name, index + 1);
      Path maxFile = entry.resolve("max_energy_range_uj");
      zones.add(new PowercapRaplZone(name, index, entry, unsigned(maxFile, ProcFs.readText(maxFile).trim())));
    }
    return List.copyOf(zones);
  }

  /**
   * Reads {@code energy_uj} now.
   *
   * @throws java.nio.file.AccessDeniedException when not running as root on Linux 5.10+
   */
  public long energyMicrojoules() throws IOException {
    Path file = directory.resolve("energy_uj");
    return unsigned(file, ProcFs.readText(file).trim());
  }

  private static long unsigned(Path file, String text) throws MalformedFileException {
    try {
      return Uint64.parse(text);
    } catch (NumberFormatException e) {
      throw new MalformedFileException(file, 1, text, "expected an unsigned integer");
    }
  }

  /** Go's {@code strconv.Atoi}: optional sign and decimal digits; null when it is not one. */
  private static Integer parseIndex(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
