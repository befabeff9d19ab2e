package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.collector.ScrapeRunner.TimedCollector;
import io.vigil.exporter.config.CollectorOptions;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.procfs.LinuxSources;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A malformed or truncated file fails only the platform collector that reads it. The tree is the canonical host with
 * the per-test hardware laid over it (EDAC controllers and bonds of the R640, the ConnectX-5 HCA, the laptop's power
 * supplies, the load balancer's IPVS tables), so that every collector has data; each case breaks one file and runs
 * all seven through the real {@link ScrapeRunner}.
 */
class PlatformCollectorIsolationTest {

  private static final List<String> COLLECTORS =
      List.of("bonding", "cpufreq", "edac", "infiniband", "ipvs", "powersupplyclass", "rapl");

  private static final List<String> OVERLAYS = List.of(
      "EdacCollectorTest/poweredgeR640", "BondingCollectorTest/poweredgeR640",
      "InfinibandCollectorTest/hpcNodeConnectX5", "PowerSupplyClassCollectorTest/thinkpadLaptop", "IpvsCollectorTest/keepalivedLoadBalancer");

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of("bonding", "sys/class/net/bonding_masters", "bond0 bond9\n"),
        Arguments.of("cpufreq", "sys/devices/system/cpu/cpu2/cpufreq/scaling_max_freq", ""),
        Arguments.of("edac", "sys/devices/system/edac/mc/mc0/ce_count", "seven\n"),
        Arguments.of("infiniband", "sys/class/infiniband/mlx5_0/ports/1/counters/port_rcv_data", ""),
        Arguments.of("ipvs", "proc/net/ip_vs_stats", "   Total Incoming Outgoing         Incoming         Outgoing\n"),
        Arguments.of("powersupplyclass", "sys/class/power_supply/BAT0/energy_now", ""),
        Arguments.of("powersupplyclass", "sys/class/power_supply/BAT0/voltage_now", "12.838 V\n"),
        Arguments.of("rapl", "sys/class/powercap/intel-rapl:0/energy_uj", ""));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("brokenFiles")
  void aBrokenFileFailsOnlyTheCollectorReadingIt(String collector, String file, String content, @TempDir Path root)
      throws Exception {
    buildTree(root);
    Files.writeString(root.resolve(file), content);

    Map<String, Boolean> expected = new TreeMap<>();
    COLLECTORS.forEach(c -> expected.put(c, !c.equals(collector)));
    assertThat(scrape(root)).isEqualTo(expected);
  }

  @Test
  void everyCollectorSucceedsOnTheIntactTree(@TempDir Path root) throws Exception {
    buildTree(root);

    assertThat(scrape(root)).hasSize(COLLECTORS.size()).doesNotContainValue(false);
  }

  private static Map<String, Boolean> scrape(Path root) throws Exception {
    ProcFs proc = new ProcFs(root.resolve("proc"));
    SysFs sys = new SysFs(root.resolve("sys"));
    HostPaths paths = new HostPaths(proc.root(), sys.root(), root, root.resolve("run/udev/data"));
    CollectorContext ctx = new CollectorContext(LinuxSources.create(proc, sys, paths, () -> "x86_64"),
        Optional.of(proc), Optional.of(sys), paths, CollectorOptions.DEFAULT);
    List<TimedCollector> timed = new ArrayList<>();
    for (String name : COLLECTORS) {
      timed.add(new TimedCollector(
          CollectorCatalogue.find(name).orElseThrow().factory().create(ctx), Duration.ofSeconds(10)));
    }
    Map<String, Boolean> outcomes = new TreeMap<>();
    try (ScrapeRunner runner = new ScrapeRunner(timed)) {
      runner.scrape(n -> true, Optional.empty()).outcomes().forEach(o -> outcomes.put(o.name(), o.success()));
    }
    return outcomes;
  }

  private static void buildTree(Path root) throws IOException {
    for (String top : List.of("proc", "sys")) {
      Fixtures.copyTree(Fixtures.root().resolve(top), root.resolve(top));
    }
    for (String overlay : OVERLAYS) {
      for (String top : List.of("proc", "sys")) {
        Path from = Fixtures.root().resolve(overlay).resolve(top);
        if (Files.isDirectory(from)) {
          Fixtures.copyTree(from, root.resolve(top));
        }
      }
    }
  }
}
