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

class MeminfoNumaCollectorTest {

  @Test
  void exposesTheMeminfoAndNumastatOfTheSingleNode() throws Exception {
    assertThat(MetricsText.of(new MeminfoNumaCollector(Fixtures.sysFs()).collect()))
        .isEqualTo(Files.readString(Fixtures.caseDir(MeminfoNumaCollectorTest.class, "canonical.prom")));
  }

  @Test
  void exposesEveryNodeOfATwoSocketServer() throws Exception {
    Path root = Fixtures.caseDir(MeminfoNumaCollectorTest.class, "numa-2-nodes");

    assertThat(MetricsText.of(new MeminfoNumaCollector(new SysFs(root.resolve("sys"))).collect()))
        .isEqualTo(Files.readString(root.resolve("expected.prom")));
  }

  @Test
  void exposesNothingOnAKernelWithoutNuma(@TempDir Path sys) throws Exception {
    assertThat(new MeminfoNumaCollector(new SysFs(sys)).collect()).isEmpty();
  }

  @Test
  void failsOnANodeWithoutNumastat(@TempDir Path sys) throws Exception {
    Path node = Files.createDirectories(sys.resolve("devices/system/node/node0"));
    Files.copy(Fixtures.sysFs().path("devices", "system", "node", "node0", "meminfo"), node.resolve("meminfo"));

    assertThatThrownBy(() -> new MeminfoNumaCollector(new SysFs(sys)).collect())
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageEndingWith("numastat");
  }

  @Test
  void failsOnAMeminfoLineCutShortWhereNodeExporterCrashes(@TempDir Path sys) throws Exception {
    Path node = Files.createDirectories(sys.resolve("devices/system/node/node0"));
    Files.writeString(node.resolve("meminfo"), "Node 0 MemTotal:  100 kB\nNode 0 MemFree:\n");
    Files.writeString(node.resolve("numastat"), "numa_hit 1\n");

    assertThatThrownBy(() -> new MeminfoNumaCollector(new SysFs(sys)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("meminfo:2: ");
  }
}
