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

class SoftnetCollectorTest {

  @Test
  void exposesProcessedDroppedAndSqueezedPerCpuOfThe15ColumnLayout() throws Exception {
    assertThat(MetricsText.of(new SoftnetCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_softnet_dropped_total Number of dropped packets
            # TYPE node_softnet_dropped_total counter
            node_softnet_dropped_total{cpu="0"} 0.0
            node_softnet_dropped_total{cpu="1"} 0.0
            node_softnet_dropped_total{cpu="2"} 3.0
            node_softnet_dropped_total{cpu="3"} 0.0
            # HELP node_softnet_processed_total Number of processed packets
            # TYPE node_softnet_processed_total counter
            node_softnet_processed_total{cpu="0"} 2.2871049E7
            node_softnet_processed_total{cpu="1"} 2.3514302E7
            node_softnet_processed_total{cpu="2"} 2.1980417E7
            node_softnet_processed_total{cpu="3"} 2.3002711E7
            # HELP node_softnet_times_squeezed_total Number of times processing packets ran out of quota
            # TYPE node_softnet_times_squeezed_total counter
            node_softnet_times_squeezed_total{cpu="0"} 412.0
            node_softnet_times_squeezed_total{cpu="1"} 389.0
            node_softnet_times_squeezed_total{cpu="2"} 455.0
            node_softnet_times_squeezed_total{cpu="3"} 371.0
            """);
  }

  @Test
  void readsTheNineColumnLayoutOfOldKernels() throws Exception {
    ProcFs proc = new ProcFs(Fixtures.caseDir(SoftnetCollectorTest.class, "kernel-2.6.32-9-columns").resolve("proc"));

    assertThat(MetricsText.of(new SoftnetCollector(proc).collect()))
        .isEqualTo(
            """
            # HELP node_softnet_dropped_total Number of dropped packets
            # TYPE node_softnet_dropped_total counter
            node_softnet_dropped_total{cpu="0"} 0.0
            node_softnet_dropped_total{cpu="1"} 17.0
            # HELP node_softnet_processed_total Number of processed packets
            # TYPE node_softnet_processed_total counter
            node_softnet_processed_total{cpu="0"} 4760051.0
            node_softnet_processed_total{cpu="1"} 4131953.0
            # HELP node_softnet_times_squeezed_total Number of times processing packets ran out of quota
            # TYPE node_softnet_times_squeezed_total counter
            node_softnet_times_squeezed_total{cpu="0"} 46.0
            node_softnet_times_squeezed_total{cpu="1"} 25.0
            """);
  }

  @Test
  void labelsLinesByPositionAsNodeExporter15DoesWhenACpuIsOffline(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    String zeros = " 00000000".repeat(9);
    Files.writeString(proc.resolve("net/softnet_stat"), "0000000a 00000000 00000000" + zeros + " 00000000 00000000\n"
        + "0000000b 00000000 00000000" + zeros + " 00000003 00000000\n"); // the kernel's index column says cpu 3

    assertThat(MetricsText.of(new SoftnetCollector(new ProcFs(proc)).collect()))
        .contains("node_softnet_processed_total{cpu=\"1\"} 11.0")
        .doesNotContain("cpu=\"3\"");
  }

  @Test
  void failsOnALineCutShort(@TempDir Path proc) throws Exception {
    Files.createDirectories(proc.resolve("net"));
    Files.writeString(proc.resolve("net/softnet_stat"),
        Files.readString(Fixtures.procFs().path("net", "softnet_stat")) + "0166ccbe 00000000 00000185\n");

    assertThatThrownBy(() -> new SoftnetCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("softnet_stat:5: expected at least 9 columns, found 3");
  }
}
