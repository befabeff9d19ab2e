package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.Meminfo;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeMeminfoTest {

  private static final Path FILE = Path.of("/sys/devices/system/node/node0/meminfo");
  private static final SysFs TWO_NODES =
      new SysFs(Fixtures.root().resolve("MeminfoNumaCollectorTest/numa-2-nodes/sys"));

  @Test
  void readsTheNodeOfTheCanonicalGuestWithProcMeminfosValues() throws Exception {
    NodeMeminfo node = NodeMeminfo.read(Fixtures.sysFs(), "0");

    assertThat(node.meminfo().bytes("MemTotal")).hasValue(8148320 * 1024.0);
    assertThat(node.meminfo().bytes("MemUsed")).hasValue((8148320 - 1432108) * 1024.0);
    assertThat(node.meminfo().field("Active_anon")).isPresent();
    assertThat(node.meminfo().field("HugePages_Total")).contains(new Meminfo.Field("HugePages_Total", 16, false));
  }

  @Test
  void listsNodesInNumericOrderAndIgnoresOtherEntries() throws Exception {
    assertThat(NodeMeminfo.nodes(Fixtures.sysFs())).containsExactly("0");
    assertThat(NodeMeminfo.nodes(TWO_NODES)).containsExactly("0", "1");
  }

  @Test
  void listsNoNodesWithoutNumaSupport(@TempDir Path sys) {
    assertThatThrownBy(() -> NodeMeminfo.nodes(new SysFs(sys))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void readsNumastatCountersOfEachNode() throws Exception {
    assertThat(NodeNumastat.read(TWO_NODES, "1").counters()).containsExactly(
        Map.entry("numa_hit", 7120098411L), Map.entry("numa_miss", 320118L), Map.entry("numa_foreign", 12044L),
        Map.entry("interleave_hit", 43998L), Map.entry("local_node", 7119812004L), Map.entry("other_node", 606525L));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Node 1 MemTotal:  100 kB", // another node's prefix
      "Node 0 MemFree:", // cut short
      "Node 0 MemFree:  lots kB",
      "MemFree:  100 kB"}) // no prefix
  void rejectsMalformedMeminfoLinesNamingFileAndLine(String line) {
    assertThatThrownBy(() -> NodeMeminfo.parse(FILE, "0", "Node 0 MemTotal:  100 kB\n" + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith(FILE + ":2: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"numa_hit", "numa_hit 1 2", "numa_hit x"})
  void rejectsMalformedNumastatLines(String line) {
    assertThatThrownBy(() -> NodeNumastat.parse(Path.of("numastat"), "0", "numa_miss 0\n" + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("numastat:2: ");
  }

  @Test
  void readsThisHostsNodes() throws Exception {
    assumeThat(Files.isDirectory(Path.of("/sys/devices/system/node/node0"))).as("a NUMA-capable kernel").isTrue();
    SysFs sys = new SysFs(Path.of("/sys"));
    for (String node : NodeMeminfo.nodes(sys)) {
      NodeMeminfo mi = NodeMeminfo.read(sys, node);
      assertThat(mi.meminfo().bytes("MemTotal").getAsDouble())
          .isGreaterThanOrEqualTo(mi.meminfo().bytes("MemFree").getAsDouble());
      assertThat(NodeNumastat.read(sys, node).counters()).containsKey("numa_hit");
    }
  }
}
