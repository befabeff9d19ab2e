package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PressureCollectorTest {

  @Test
  void exposesCpuWaitingAndIoAndMemoryWaitingAndStalled() throws Exception {
    assertThat(MetricsText.of(new PressureCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_pressure_cpu_waiting_seconds_total Total time in seconds that processes have waited for CPU time
            # TYPE node_pressure_cpu_waiting_seconds_total counter
            node_pressure_cpu_waiting_seconds_total 187.654321
            # HELP node_pressure_io_stalled_seconds_total Total time in seconds no process could make progress due to IO congestion
            # TYPE node_pressure_io_stalled_seconds_total counter
            node_pressure_io_stalled_seconds_total 39.876543
            # HELP node_pressure_io_waiting_seconds_total Total time in seconds that processes have waited due to IO congestion
            # TYPE node_pressure_io_waiting_seconds_total counter
            node_pressure_io_waiting_seconds_total 45.678900999999996
            # HELP node_pressure_memory_stalled_seconds_total Total time in seconds no process could make progress due to memory congestion
            # TYPE node_pressure_memory_stalled_seconds_total counter
            node_pressure_memory_stalled_seconds_total 0.987654
            # HELP node_pressure_memory_waiting_seconds_total Total time in seconds that processes have waited for memory
            # TYPE node_pressure_memory_waiting_seconds_total counter
            node_pressure_memory_waiting_seconds_total 1.234567
            """);
  }

  @Test
  void failsWithAClearMessageWithoutProcPressure(@TempDir Path root) {
    assertThatThrownBy(new PressureCollector(new ProcFs(root))::collect)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("pressure information is unavailable: " + root.resolve("pressure"))
        .hasMessageContaining("Linux 4.20")
        .hasMessageContaining("CONFIG_PSI");
  }

  @Test
  void failsWhenOneResourceFileIsMissing(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("pressure"));
    Files.writeString(root.resolve("pressure/cpu"), "some avg10=0.00 avg60=0.00 avg300=0.00 total=1\n");
    assertThatThrownBy(new PressureCollector(new ProcFs(root))::collect).isInstanceOf(IOException.class);
  }
}
