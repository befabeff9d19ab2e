package io.vigil.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.collector.CollectorCatalogue;
import io.vigil.exporter.config.VigilConfig;
import io.vigil.exporter.testing.Exposition;
import io.vigil.exporter.testing.ExternalBinary;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.NodeExporterProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * End-to-end golden output, like node_exporter's {@code end-to-end-test.sh}: the real server reads the fixture tree
 * ({@code --path.procfs}, {@code --path.sysfs}, {@code --path.rootfs}) with every collector on, and its
 * {@code /metrics} must equal {@code fixtures/e2e-output.txt} after dropping the families that cannot be stable.
 * Run with {@code -Dvigil.golden.update=true} to rewrite the file, then review the diff like code.
 */
class GoldenMetricsTest {

  private static final Path GOLDEN = Path.of("src/test/resources/fixtures/e2e-output.txt");

  /** Families that depend on the moment or the machine running the test, not on the fixture tree. */
  private static final Set<String> UNSTABLE =
      Set.of(
          "node_scrape_collector_duration_seconds", // timing
          "node_time_seconds", // the clock
          "node_time_zone_offset_seconds", // the test machine's time zone
          "node_uname_info", // machine comes from the uname(2) syscall of the test machine
          // statfs of a fixture directory measures the build machine's disk; device_error and readonly stay
          "node_filesystem_size_bytes",
          "node_filesystem_free_bytes",
          "node_filesystem_avail_bytes",
          "node_filesystem_files",
          "node_filesystem_files_free",
          "node_textfile_mtime_seconds", // git does not keep file modification times
          "vigil_build_info", // version and Java of the build
          "vigil_config_last_reload_success_timestamp_seconds"); // start-up time

  /** Family prefixes as unstable as the names above. */
  private static final List<String> UNSTABLE_PREFIXES = List.of("node_timex_"); // adjtimex(2) of the test machine

  @Test
  void fixtureTreeProducesTheGoldenOutput() throws Exception {
    Path root = Fixtures.root();
    List<String> args = new ArrayList<>(List.of(
        "--web.listen-address=127.0.0.1:0",
        "--web.disable-exporter-metrics",
        "--path.rootfs=" + root,
        "--path.procfs=" + root.resolve("proc"),
        "--path.sysfs=" + root.resolve("sys"),
        "--path.udev.data=" + root.resolve("run/udev/data"),
        "--collector.textfile.directory=" + root.resolve("textfile")));
    CollectorCatalogue.all().forEach(d -> args.add("--collector." + d.name()));
    CommandLine cli = CommandLine.parse(args.toArray(String[]::new), CollectorCatalogue.names());
    VigilConfig config = EffectiveConfig.resolve(cli, CollectorCatalogue.all());
    String body;
    try (Exporter exporter = Exporter.start(config, CollectorCatalogue.all())) {
      body = NodeExporterProcess.fetch("http://127.0.0.1:" + exporter.port() + "/metrics");
    }
    // labels holding sysfs paths (rapl's path) name the checkout: keep the golden file independent of it
    String stable = withoutUnstableFamilies(body).replace(root.toString(), "<fixtures>");
    if (Boolean.getBoolean("vigil.golden.update")) {
      Files.writeString(GOLDEN, stable, StandardCharsets.UTF_8);
    }
    assertThat(stable).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void goldenFamiliesAreNodeExporterFamiliesWithTheSameTypeAndLabels() throws Exception {
    Map<String, String> known = nodeExporterFamilies();
    Exposition golden = Exposition.parse(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    List<String> unknown = new ArrayList<>();
    for (Exposition.Family f : golden.families().values()) {
      if (f.name().startsWith("vigil_")) {
        continue; // Vigil's own families (reload status)
      }
      String expected = known.get(f.name());
      String actual = f.type() + " " + f.labelNames();
      if (expected == null) {
        if (!EXTRA_FAMILIES.contains(f.name()) && UNLISTED_PREFIXES.stream().noneMatch(f.name()::startsWith)) {
          unknown.add(f.name() + " is not a node_exporter 1.5 family");
        }
      } else if (!expected.equals(actual)) {
        unknown.add(f.name() + ": " + actual + ", node_exporter: " + expected);
      }
    }
    assertThat(unknown).isEmpty();
  }

  @Test
  void goldenOutputPassesPromtoolLintApartFromNodeExportersOwnNames() throws Exception {
    Path promtool = ExternalBinary.require("promtool", "prometheus");
    Process p = new ProcessBuilder(promtool.toString(), "check", "metrics")
        .redirectInput(GOLDEN.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    // node_exporter's own names that promtool flags (kernel-cased meminfo/netstat/sockstat names, entropy's "_bits"):
    // kept on purpose.
    List<String> findings = output.lines()
        .filter(l -> !l.contains("metric names should be written in 'snake_case' not 'camelCase'"))
        .filter(l -> !(l.startsWith("node_entropy_") && l.endsWith("use base unit \"bytes\" instead of \"bits\"")))
        .toList();
    assertThat(findings).as("promtool check metrics on %s", GOLDEN).isEmpty();
  }

  /** Families node_exporter 1.5 emits only on hardware the reference host lacked, or with options it had off. */
  private static final Set<String> EXTRA_FAMILIES =
      Set.of("node_cpu_info", "node_memory_Unaccepted_bytes", "node_memory_HardwareCorrupted_bytes",
          // families of the fixture's textfiles (fixtures/textfile), served as written
          "apt_upgrades_pending", "node_reboot_required", "backup_last_success_timestamp_seconds",
          "backup_bytes_total");

  /**
   * Families of collectors that emitted nothing on the reference host (no such hardware: the list's header names
   * them) or that node_exporter runs only when asked. They cannot be checked against the list; each collector's own
   * test compares it with node_exporter run on the same fixture tree instead.
   */
  private static final List<String> UNLISTED_PREFIXES =
      List.of(
          "node_hwmon_", "node_dmi_", "node_thermal_zone_", "node_cooling_device_", // no sensors, no DMI in that VM
          "node_md_", "node_nfs_", "node_nfsd_", "node_nvme_", "node_xfs_", "node_zfs_", "node_bcache_",
          "node_btrfs_", "node_tape_", "node_fibrechannel_", "node_schedstat_", "node_cpu_frequency_",
          "node_cpu_scaling_", "node_edac_", "node_infiniband_", "node_ipvs_", "node_bonding_", "node_power_supply_",
          "node_rapl_",
          // disabled by default in node_exporter 1.5
          "node_interrupts_", "node_tcp_connection_states", "node_buddyinfo_", "node_ksmd_", "node_lnstat_",
          "node_memory_numa_", "node_sysctl_", "node_network_route", "node_cgroups_", "node_mountstats_",
          "node_processes_");

  /**
   * The captured node_exporter family lists: the reference host's default scrape, and the storage collectors run on
   * the fixture trees (the reference host has none of that hardware).
   */
  private static final List<String> FAMILY_LISTS =
      List.of("/node_exporter_families.txt", "/node_exporter_families-storage.txt");

  /** family -> "type [labels]" from the captured node_exporter family lists. */
  private static Map<String, String> nodeExporterFamilies() throws Exception {
    Map<String, String> families = new HashMap<>();
    for (String list : FAMILY_LISTS) {
      readFamilies(list, families);
    }
    return families;
  }

  private static void readFamilies(String resource, Map<String, String> families) throws Exception {
    try (var in = GoldenMetricsTest.class.getResourceAsStream(resource)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String t = line.trim();
        if (!t.startsWith("node_")) {
          continue;
        }
        String[] parts = t.split("\\s+", 3);
        String labels = parts[2].substring(1, parts[2].indexOf(']'));
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (String l : labels.split(",")) {
          if (!l.isBlank()) {
            names.add(l.trim());
          }
        }
        families.put(parts[0], parts[1] + " " + names);
      }
    }
  }

  static String withoutUnstableFamilies(String exposition) {
    StringBuilder out = new StringBuilder(exposition.length());
    for (String line : exposition.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      String name = line.startsWith("# ") ? line.split(" ")[2] : line.split("[{ ]")[0];
      if (!UNSTABLE.contains(name) && !UNSTABLE.contains(familyOf(name))
          && UNSTABLE_PREFIXES.stream().noneMatch(name::startsWith)) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  private static String familyOf(String sample) {
    return sample.endsWith("_total") ? sample.substring(0, sample.length() - "_total".length()) : sample;
  }
}
