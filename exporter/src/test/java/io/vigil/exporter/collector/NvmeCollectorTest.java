package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvmeCollectorTest {

  private static String scrape(Path sys) throws Exception {
    return MetricsText.of(new NvmeCollector(new SysFs(sys)).collect());
  }

  @Test
  void reportsTheCanonicalSamsungControllerWithItsPaddingTrimmed() throws Exception {
    assertThat(scrape(Fixtures.root().resolve("sys")))
        .isEqualTo(
            """
            # HELP node_nvme_info Non-numeric data from /sys/class/nvme/<device>, value is always 1.
            # TYPE node_nvme_info gauge
            node_nvme_info{device="nvme0",firmware_revision="5B2QGXA7",model="Samsung SSD 980 PRO 1TB",serial="S5GXNX0T412345K",state="live"} 1.0
            """);
  }

  @Test
  void reportsEveryControllerWhateverItsState() throws Exception {
    assertThat(scrape(Fixtures.caseDir(NvmeCollectorTest.class, "two-controllers").resolve("sys")))
        .isEqualTo(
            """
            # HELP node_nvme_info Non-numeric data from /sys/class/nvme/<device>, value is always 1.
            # TYPE node_nvme_info gauge
            node_nvme_info{device="nvme0",firmware_revision="VDV10184",model="INTEL SSDPE2KX040T8",serial="PHLJ9123004K4P0DGN",state="live"} 1.0
            node_nvme_info{device="nvme1",firmware_revision="GDC5602Q",model="SAMSUNG MZQL23T8HCLS-00A07",serial="S64HNE0T512345",state="resetting"} 1.0
            """);
  }

  @Test
  void needsNoControllerIdOnOldKernels() throws Exception {
    assertThat(scrape(Fixtures.caseDir(NvmeCollectorTest.class, "kernel-4.15-no-cntlid").resolve("sys")))
        .contains("node_nvme_info{device=\"nvme0\",firmware_revision=\"2B2QEXM7\","
            + "model=\"Samsung SSD 970 EVO Plus 500GB\",serial=\"S4EVNF0M123456A\",state=\"live\"} 1.0\n");
  }

  @Test
  void leavesALabelEmptyWhenTheControllerLacksTheAttribute(@TempDir Path sys) throws Exception {
    Path ctrl = Files.createDirectories(sys.resolve("class/nvme/nvme0"));
    Files.writeString(ctrl.resolve("model"), "QEMU NVMe Ctrl                          \n");
    Files.writeString(ctrl.resolve("state"), "live\n");
    assertThat(scrape(sys)).contains(
        "node_nvme_info{device=\"nvme0\",firmware_revision=\"\",model=\"QEMU NVMe Ctrl\",serial=\"\",state=\"live\"}");
  }

  @Test
  void reportsNothingWhenTheDriverHasNoControllers(@TempDir Path sys) throws Exception {
    Files.createDirectories(sys.resolve("class/nvme"));
    assertThat(new NvmeCollector(new SysFs(sys)).collect()).isEmpty();
  }

  @Test
  void failsWithAClearMessageWithoutTheNvmeClass(@TempDir Path sys) {
    assertThatThrownBy(new NvmeCollector(new SysFs(sys))::collect)
        .isInstanceOf(NoDataException.class)
        .hasMessage(sys.resolve("class/nvme") + ": no NVMe controllers (the nvme driver is not loaded)");
  }
}
