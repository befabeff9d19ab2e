package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BondingCollectorTest {

  private static Path tree(String name) {
    return Fixtures.caseDir(BondingCollectorTest.class, name).resolve("sys");
  }

  private static String scrape(Path sys) throws Exception {
    return MetricsText.of(new BondingCollector(new SysFs(sys)).collect());
  }

  @Test
  void countsConfiguredAndMiiUpSlavesOfEachBond() throws Exception {
    assertThat(scrape(tree("poweredgeR640")))
        .isEqualTo(
            """
            # HELP node_bonding_active Number of active slaves per bonding interface.
            # TYPE node_bonding_active gauge
            node_bonding_active{master="bond0"} 1.0
            node_bonding_active{master="bond1"} 2.0
            node_bonding_active{master="bond2"} 0.0
            # HELP node_bonding_slaves Number of configured slaves per bonding interface.
            # TYPE node_bonding_slaves gauge
            node_bonding_slaves{master="bond0"} 2.0
            node_bonding_slaves{master="bond1"} 2.0
            node_bonding_slaves{master="bond2"} 0.0
            """);
  }

  @Test
  void readsSlaveStatusUnderTheOldSlavePrefix() throws Exception {
    assertThat(scrape(tree("centos7SlavePrefix")))
        .isEqualTo(
            """
            # HELP node_bonding_active Number of active slaves per bonding interface.
            # TYPE node_bonding_active gauge
            node_bonding_active{master="bond0"} 1.0
            # HELP node_bonding_slaves Number of configured slaves per bonding interface.
            # TYPE node_bonding_slaves gauge
            node_bonding_slaves{master="bond0"} 2.0
            """);
  }

  @Test
  void failsWithNoDataOnTheCanonicalDesktopWithoutTheBondingDriver() {
    assertThatThrownBy(new BondingCollector(Fixtures.sysFs())::collect).isInstanceOf(NoDataException.class);
  }

  @Test
  void failsWithNoDataWhenAListedSlaveHasNoStatus(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(tree("poweredgeR640"), sys);
    Files.writeString(sys.resolve("class/net/bond1/bonding/slaves"), "ens2f0 ens2f1 ens2f2\n");
    assertThatThrownBy(new BondingCollector(new SysFs(sys))::collect)
        .isInstanceOf(NoDataException.class)
        .hasMessageContaining("ens2f2");
  }
}
