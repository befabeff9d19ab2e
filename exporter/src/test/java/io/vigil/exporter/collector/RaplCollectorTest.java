package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaplCollectorTest {

  /** The output with the fixture root shown as {@code /sys}, as on a real host. */
  private static String scrape(Path sys) throws Exception {
    return MetricsText.of(new RaplCollector(new SysFs(sys)).collect()).replace(sys.toString(), "/sys");
  }

  @Test
  void reportsTheCanonicalDesktopsPackageCoreUncoreAndDramZones() throws Exception {
    assertThat(scrape(Fixtures.root().resolve("sys")))
        .isEqualTo(
            """
            # HELP node_rapl_core_joules_total Current RAPL core value in joules
            # TYPE node_rapl_core_joules_total counter
            node_rapl_core_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0:0"} 104889.021337
            # HELP node_rapl_dram_joules_total Current RAPL dram value in joules
            # TYPE node_rapl_dram_joules_total counter
            node_rapl_dram_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0:2"} 31530.77392
            # HELP node_rapl_package_joules_total Current RAPL package value in joules
            # TYPE node_rapl_package_joules_total counter
            node_rapl_package_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0"} 210412.894567
            # HELP node_rapl_uncore_joules_total Current RAPL uncore value in joules
            # TYPE node_rapl_uncore_joules_total counter
            node_rapl_uncore_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0:1"} 7918.442105
            """);
  }

  @Test
  void numbersRepeatedZoneNamesByOccurrenceAndSuffixedNamesBySuffix() throws Exception {
    assertThat(scrape(Fixtures.caseDir(RaplCollectorTest.class, "dualSocketXeon").resolve("sys")))
        .isEqualTo(
            """
            # HELP node_rapl_dram_joules_total Current RAPL dram value in joules
            # TYPE node_rapl_dram_joules_total counter
            node_rapl_dram_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0:0"} 23044.817004
            node_rapl_dram_joules_total{index="1",path="/sys/class/powercap/intel-rapl:1:0"} 22119.038821
            # HELP node_rapl_package_joules_total Current RAPL package value in joules
            # TYPE node_rapl_package_joules_total counter
            node_rapl_package_joules_total{index="0",path="/sys/class/powercap/intel-rapl:0"} 118823.340561
            node_rapl_package_joules_total{index="1",path="/sys/class/powercap/intel-rapl:1"} 109372.251873
            """);
  }

  @Test
  void failsWithNoDataWithoutThePowercapClass(@TempDir Path sys) {
    assertThatThrownBy(new RaplCollector(new SysFs(sys))::collect).isInstanceOf(NoDataException.class);
  }

  @Test
  void failsWithNoDataWhenAZoneHasNoEnergyRange(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(Fixtures.root().resolve("sys/class/powercap"), sys.resolve("class/powercap"));
    Files.delete(sys.resolve("class/powercap/intel-rapl:0:1/max_energy_range_uj"));
    assertThatThrownBy(new RaplCollector(new SysFs(sys))::collect).isInstanceOf(NoDataException.class);
  }

  @Test
  void failsOnATruncatedEnergyCounter(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(Fixtures.root().resolve("sys/class/powercap"), sys.resolve("class/powercap"));
    Files.writeString(sys.resolve("class/powercap/intel-rapl:0/energy_uj"), "2104128");
    Files.writeString(sys.resolve("class/powercap/intel-rapl:0:2/energy_uj"), "");
    assertThatThrownBy(new RaplCollector(new SysFs(sys))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("intel-rapl:0:2/energy_uj");
  }

  @Test
  void failsWhenAZoneLostItsEnergyCounter(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(Fixtures.root().resolve("sys/class/powercap"), sys.resolve("class/powercap"));
    Files.delete(sys.resolve("class/powercap/intel-rapl:0:0/energy_uj"));
    assertThatThrownBy(new RaplCollector(new SysFs(sys))::collect)
        .isInstanceOf(NoSuchFileException.class)
        .isNotInstanceOf(NoDataException.class);
  }
}
