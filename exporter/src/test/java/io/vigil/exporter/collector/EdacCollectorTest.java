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

class EdacCollectorTest {

  private static final Path SERVER = Fixtures.caseDir(EdacCollectorTest.class, "poweredgeR640").resolve("sys");

  private static String scrape(Path sys) throws Exception {
    return MetricsText.of(new EdacCollector(new SysFs(sys)).collect());
  }

  @Test
  void reportsBothSocketsControllersWithTheirCsrowsAndUnattributedErrors() throws Exception {
    ExpectedOutput.assertMatches(scrape(SERVER), SERVER.resolveSibling("expected.prom"));
    assertThat(scrape(SERVER))
        .contains("node_edac_csrow_correctable_errors_total{controller=\"0\",csrow=\"unknown\"} 1.0\n")
        .contains("node_edac_uncorrectable_errors_total{controller=\"1\"} 1.0\n");
  }

  @Test
  void reportsNothingOnTheCanonicalDesktopWithoutEcc() throws Exception {
    assertThat(new EdacCollector(Fixtures.sysFs()).collect()).isEmpty();
  }

  @Test
  void failsOnATruncatedCount(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(SERVER, sys);
    Files.writeString(sys.resolve("devices/system/edac/mc/mc1/csrow2/ue_count"), "");
    assertThatThrownBy(new EdacCollector(new SysFs(sys))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("mc1/csrow2/ue_count");
  }

  @Test
  void failsWhenAControllerLacksACountFile(@TempDir Path sys) throws Exception {
    Fixtures.copyTree(SERVER, sys);
    Files.delete(sys.resolve("devices/system/edac/mc/mc0/ue_noinfo_count"));
    assertThatThrownBy(new EdacCollector(new SysFs(sys))::collect).isInstanceOf(NoSuchFileException.class);
  }
}
