package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KsmTest {

  @Test
  void readsTheNineFilesInNodeExportersOrderAndIgnoresTheOthers() throws Exception {
    Ksm ksm = Ksm.read(Fixtures.sysFs());

    assertThat(ksm.values().keySet()).containsExactlyElementsOf(Ksm.FILES);
    assertThat(ksm.values()).contains(Map.entry("pages_to_scan", 100L), Map.entry("sleep_millisecs", 20L),
        Map.entry("merge_across_nodes", 1L), Map.entry("run", 0L));
  }

  @Test
  void failsOnAKernelWithoutMergeAcrossNodes() {
    Path root = Fixtures.root().resolve("KsmdCollectorTest/kernel-3.2-no-merge-across-nodes/sys");

    assertThatThrownBy(() -> Ksm.read(new SysFs(root)))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageEndingWith("merge_across_nodes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-1", "1 2", "many"})
  void rejectsAFileWithoutOneNonNegativeInteger(String content) {
    Path file = Path.of("/sys/kernel/mm/ksm/run");
    assertThatThrownBy(() -> Ksm.parseValue(file, content))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/sys/kernel/mm/ksm/run:1: expected one non-negative integer");
  }

  @Test
  void readsThisHostsKsmFiles() throws Exception {
    assumeThat(Files.isDirectory(Path.of("/sys/kernel/mm/ksm"))).as("a kernel with CONFIG_KSM").isTrue();
    Ksm ksm = Ksm.read(new SysFs(Path.of("/sys")));
    assertThat(ksm.values().get("run")).isBetween(0L, 2L);
    assertThat(ksm.values().get("sleep_millisecs")).isPositive();
  }
}
