package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuddyinfoCollectorTest {

  @Test
  void exposesFreeBlocksPerZoneAndOrder() throws Exception {
    assertThat(MetricsText.of(new BuddyinfoCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_buddyinfo_blocks Count of free blocks according to size.
            # TYPE node_buddyinfo_blocks gauge
            node_buddyinfo_blocks{node="0",size="0",zone="DMA"} 0.0
            node_buddyinfo_blocks{node="0",size="0",zone="DMA32"} 1466.0
            node_buddyinfo_blocks{node="0",size="0",zone="Normal"} 9873.0
            node_buddyinfo_blocks{node="0",size="1",zone="DMA"} 0.0
            node_buddyinfo_blocks{node="0",size="1",zone="DMA32"} 1217.0
            node_buddyinfo_blocks{node="0",size="1",zone="Normal"} 6524.0
            node_buddyinfo_blocks{node="0",size="10",zone="DMA"} 3.0
            node_buddyinfo_blocks{node="0",size="10",zone="DMA32"} 149.0
            node_buddyinfo_blocks{node="0",size="10",zone="Normal"} 59.0
            node_buddyinfo_blocks{node="0",size="2",zone="DMA"} 0.0
            node_buddyinfo_blocks{node="0",size="2",zone="DMA32"} 803.0
            node_buddyinfo_blocks{node="0",size="2",zone="Normal"} 3310.0
            node_buddyinfo_blocks{node="0",size="3",zone="DMA"} 0.0
            node_buddyinfo_blocks{node="0",size="3",zone="DMA32"} 512.0
            node_buddyinfo_blocks{node="0",size="3",zone="Normal"} 1642.0
            node_buddyinfo_blocks{node="0",size="4",zone="DMA"} 0.0
            node_buddyinfo_blocks{node="0",size="4",zone="DMA32"} 297.0
            node_buddyinfo_blocks{node="0",size="4",zone="Normal"} 811.0
            node_buddyinfo_blocks{node="0",size="5",zone="DMA"} 0.0
            node_buddyinfo_blocks{node="0",size="5",zone="DMA32"} 168.0
            node_buddyinfo_blocks{node="0",size="5",zone="Normal"} 402.0
            node_buddyinfo_blocks{node="0",size="6",zone="DMA"} 0.0
            node_buddyinfo_blocks{node="0",size="6",zone="DMA32"} 71.0
            node_buddyinfo_blocks{node="0",size="6",zone="Normal"} 166.0
            node_buddyinfo_blocks{node="0",size="7",zone="DMA"} 0.0
            node_buddyinfo_blocks{node="0",size="7",zone="DMA32"} 34.0
            node_buddyinfo_blocks{node="0",size="7",zone="Normal"} 57.0
            node_buddyinfo_blocks{node="0",size="8",zone="DMA"} 1.0
            node_buddyinfo_blocks{node="0",size="8",zone="DMA32"} 19.0
            node_buddyinfo_blocks{node="0",size="8",zone="Normal"} 21.0
            node_buddyinfo_blocks{node="0",size="9",zone="DMA"} 1.0
            node_buddyinfo_blocks{node="0",size="9",zone="DMA32"} 9.0
            node_buddyinfo_blocks{node="0",size="9",zone="Normal"} 6.0
            """);
  }

  @Test
  void labelsZonesOfEveryNumaNode() throws Exception {
    ProcFs proc = new ProcFs(Fixtures.caseDir(BuddyinfoCollectorTest.class, "numa-2-nodes").resolve("proc"));

    assertThat(MetricsText.of(new BuddyinfoCollector(proc).collect()))
        .isEqualTo(
            """
            # HELP node_buddyinfo_blocks Count of free blocks according to size.
            # TYPE node_buddyinfo_blocks gauge
            node_buddyinfo_blocks{node="0",size="0",zone="DMA"} 1.0
            node_buddyinfo_blocks{node="0",size="0",zone="DMA32"} 12.0
            node_buddyinfo_blocks{node="0",size="0",zone="Normal"} 40421.0
            node_buddyinfo_blocks{node="0",size="1",zone="DMA"} 1.0
            node_buddyinfo_blocks{node="0",size="1",zone="DMA32"} 9.0
            node_buddyinfo_blocks{node="0",size="1",zone="Normal"} 21877.0
            node_buddyinfo_blocks{node="0",size="10",zone="DMA"} 3.0
            node_buddyinfo_blocks{node="0",size="10",zone="DMA32"} 812.0
            node_buddyinfo_blocks{node="0",size="10",zone="Normal"} 9110.0
            node_buddyinfo_blocks{node="0",size="2",zone="DMA"} 1.0
            node_buddyinfo_blocks{node="0",size="2",zone="DMA32"} 11.0
            node_buddyinfo_blocks{node="0",size="2",zone="Normal"} 9921.0
            node_buddyinfo_blocks{node="0",size="3",zone="DMA"} 0.0
            node_buddyinfo_blocks{node="0",size="3",zone="DMA32"} 7.0
            node_buddyinfo_blocks{node="0",size="3",zone="Normal"} 4112.0
            node_buddyinfo_blocks{node="0",size="4",zone="DMA"} 2.0
            node_buddyinfo_blocks{node="0",size="4",zone="DMA32"} 10.0
            node_buddyinfo_blocks{node="0",size="4",zone="Normal"} 1820.0
            node_buddyinfo_blocks{node="0",size="5",zone="DMA"} 1.0
            node_buddyinfo_blocks{node="0",size="5",zone="DMA32"} 8.0
            node_buddyinfo_blocks{node="0",size="5",zone="Normal"} 702.0
            node_buddyinfo_blocks{node="0",size="6",zone="DMA"} 1.0
            node_buddyinfo_blocks{node="0",size="6",zone="DMA32"} 6.0
            node_buddyinfo_blocks{node="0",size="6",zone="Normal"} 311.0
            node_buddyinfo_blocks{node="0",size="7",zone="DMA"} 0.0
            node_buddyinfo_blocks{node="0",size="7",zone="DMA32"} 9.0
            node_buddyinfo_blocks{node="0",size="7",zone="Normal"} 120.0
            node_buddyinfo_blocks{node="0",size="8",zone="DMA"} 1.0
            node_buddyinfo_blocks{node="0",size="8",zone="DMA32"} 7.0
            node_buddyinfo_blocks{node="0",size="8",zone="Normal"} 61.0
            node_buddyinfo_blocks{node="0",size="9",zone="DMA"} 1.0
            node_buddyinfo_blocks{node="0",size="9",zone="DMA32"} 5.0
            node_buddyinfo_blocks{node="0",size="9",zone="Normal"} 22.0
            node_buddyinfo_blocks{node="1",size="0",zone="Movable"} 0.0
            node_buddyinfo_blocks{node="1",size="0",zone="Normal"} 51220.0
            node_buddyinfo_blocks{node="1",size="1",zone="Movable"} 0.0
            node_buddyinfo_blocks{node="1",size="1",zone="Normal"} 30117.0
            node_buddyinfo_blocks{node="1",size="10",zone="Movable"} 2048.0
            node_buddyinfo_blocks{node="1",size="10",zone="Normal"} 10023.0
            node_buddyinfo_blocks{node="1",size="2",zone="Movable"} 0.0
            node_buddyinfo_blocks{node="1",size="2",zone="Normal"} 12004.0
            node_buddyinfo_blocks{node="1",size="3",zone="Movable"} 0.0
            node_buddyinfo_blocks{node="1",size="3",zone="Normal"} 5527.0
            node_buddyinfo_blocks{node="1",size="4",zone="Movable"} 0.0
            node_buddyinfo_blocks{node="1",size="4",zone="Normal"} 2301.0
            node_buddyinfo_blocks{node="1",size="5",zone="Movable"} 0.0
            node_buddyinfo_blocks{node="1",size="5",zone="Normal"} 913.0
            node_buddyinfo_blocks{node="1",size="6",zone="Movable"} 0.0
            node_buddyinfo_blocks{node="1",size="6",zone="Normal"} 402.0
            node_buddyinfo_blocks{node="1",size="7",zone="Movable"} 0.0
            node_buddyinfo_blocks{node="1",size="7",zone="Normal"} 188.0
            node_buddyinfo_blocks{node="1",size="8",zone="Movable"} 0.0
            node_buddyinfo_blocks{node="1",size="8",zone="Normal"} 73.0
            node_buddyinfo_blocks{node="1",size="9",zone="Movable"} 0.0
            node_buddyinfo_blocks{node="1",size="9",zone="Normal"} 31.0
            """);
  }

  @Test
  void failsWhenZonesDisagreeOnTheNumberOfOrders(@TempDir Path proc) throws Exception {
    Files.writeString(proc.resolve("buddyinfo"),
        "Node 0, zone      DMA      0      0      0 \nNode 0, zone    DMA32      1      2 \n");

    assertThatThrownBy(() -> new BuddyinfoCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("buddyinfo:2: expected 3 orders");
  }
}
