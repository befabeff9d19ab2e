package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArpCollectorTest {

  @Test
  void countsEntriesPerDeviceIncludingIncompleteOnes() throws Exception {
    assertThat(MetricsText.of(new ArpCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_arp_entries ARP entries by device
            # TYPE node_arp_entries gauge
            node_arp_entries{device="docker0"} 1.0
            node_arp_entries{device="eth0"} 3.0
            """);
  }

  @Test
  void exposesNoFamilyForAnEmptyNeighbourTable() throws Exception {
    ProcFs proc = new ProcFs(Fixtures.caseDir(ArpCollectorTest.class, "no-neighbours").resolve("proc"));

    assertThat(new ArpCollector(proc).collect()).isEmpty();
  }

  @Test
  void failsOnATruncatedEntry(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    String canonical = Files.readString(Fixtures.procFs().path("net", "arp"));
    Files.writeString(proc.resolve("net/arp"), canonical + "10.20.0.7  0x1\n");

    assertThatThrownBy(() -> new ArpCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("arp:6: expected six fields");
  }

  @Test
  void failsWithoutTheFile(@TempDir Path proc) {
    assertThatThrownBy(() -> new ArpCollector(new ProcFs(proc)).collect()).isInstanceOf(NoSuchFileException.class);
  }
}
