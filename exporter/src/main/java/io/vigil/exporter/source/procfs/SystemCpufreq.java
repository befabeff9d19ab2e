package io.vigil.exporter.source.procfs;

import io.vigil.exporter.source.MalformedFileException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The cpufreq policy view of one logical CPU: {@code /sys/devices/system/cpu/cpu<N>/cpufreq/}
 * (Documentation/admin-guide/pm/cpufreq.rst). Frequencies are in kHz as the kernel prints them.
 * {@code cpuinfo_cur_freq} is root-only and missing with {@code intel_pstate}; the {@code scaling_*} strings exist
 * for every driver, so (like prometheus/procfs, which node_exporter 1.5 uses) a missing one is an error.
 *
 * @param cpu the CPU number as in the directory name ({@code "0"})
 * @param cpuinfoCurKhz {@code cpuinfo_cur_freq}, absent when the file is or cannot be read
 * @param cpuinfoMaxKhz {@code cpuinfo_max_freq}
 * @param cpuinfoMinKhz {@code cpuinfo_min_freq}
 * @param scalingCurKhz {@code scaling_cur_freq}
 * @param scalingMaxKhz {@code scaling_max_freq}
 * @param scalingMinKhz {@code scaling_min_freq}
 * @param driver {@code scaling_driver} ({@code intel_pstate}, {@code acpi-cpufreq}, ...)
 * @param governor {@code scaling_governor}
 * @param availableGovernors {@code scaling_available_governors}, space-separated
 */
public record SystemCpufreq(
    String cpu, OptionalLong cpuinfoCurKhz, OptionalLong cpuinfoMaxKhz, OptionalLong cpuinfoMinKhz,
    OptionalLong scalingCurKhz, OptionalLong scalingMaxKhz, OptionalLong scalingMinKhz, String driver,
    String governor, String availableGovernors) {

  /**
   * Reads every {@code cpu<N>} that has a {@code cpufreq} directory, sorted by name. No CPU directory at all, or none
   * with cpufreq (virtual machines), gives an empty list: node_exporter 1.5 succeeds with nothing there.
   *
   * @throws MalformedFileException when a frequency file is not an unsigned integer
   * @throws NoSuchFileException when a policy lacks {@code scaling_driver}, {@code scaling_governor} or
   *     {@code scaling_available_governors}
   */
  public static List<SystemCpufreq> readAll(SysFs sys) throws IOException {
    Path cpuDir = sys.path("devices", "system", "cpu");
    List<SystemCpufreq> out = new ArrayList<>();
    if (!Files.isDirectory(cpuDir)) {
      return out;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(cpuDir)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        // node_exporter's glob is cpu[0-9]*: cpufreq/ and cpuidle/ are not CPUs
        if (name.length() > 3 && name.startsWith("cpu") && Character.isDigit(name.charAt(3))) {
          Path policy = entry.resolve("cpufreq");
          if (Files.isDirectory(policy)) {
            out.add(read(name.substring(3), policy));
          }
        }
      }
    }
    out.sort(Comparator.comparing(SystemCpufreq::cpu));
    return List.copyOf(out);
  }

  private static SystemCpufreq read(String cpu, Path policy) throws IOException {
    return new SystemCpufreq(
        cpu,
        khz(policy.resolve("cpuinfo_cur_freq")),
        khz(policy.resolve("cpuinfo_max_freq")),
        khz(policy.resolve("cpuinfo_min_freq")),
        khz(policy.resolve("scaling_cur_freq")),
        khz(policy.resolve("scaling_max_freq")),
        khz(policy.resolve("scaling_min_freq")),
        required(policy.resolve("scaling_driver")),
        required(policy.resolve("scaling_governor")),
        required(policy.resolve("scaling_available_governors")));
  }

  private static OptionalLong khz(Path file) throws MalformedFileException {
    var text = SysFs.readAttribute(file);
    if (text.isEmpty()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Uint64.parse(text.get()));
    } catch (NumberFormatException e) {
      throw new MalformedFileException(file, 1, text.get(), "expected a frequency in kHz");
    }
  }

  private static String required(Path file) throws IOException {
    return ProcFs.readText(file).trim();
  }
}
