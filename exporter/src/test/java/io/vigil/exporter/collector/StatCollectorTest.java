package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.ProcStat;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StatCollectorTest {

  private static final Path FILE = Path.of("/proc/stat");

  @Test
  void exposesKernelCountersFromTheFixture() throws Exception {
    StatCollector collector =
        new StatCollector(() -> ProcStat.parse(FILE, Fixtures.procFs().read("stat"), ProcStat.LINUX_USER_HZ));
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_boot_time_seconds Node boot time, in unixtime.
            # TYPE node_boot_time_seconds gauge
            node_boot_time_seconds 1.7403E9
            # HELP node_context_switches_total Total number of context switches.
            # TYPE node_context_switches_total counter
            node_context_switches_total 9.8765432E7
            # HELP node_forks_total Total number of forks.
            # TYPE node_forks_total counter
            node_forks_total 48817.0
            # HELP node_intr_total Total number of interrupts serviced.
            # TYPE node_intr_total counter
            node_intr_total 7486995.0
            # HELP node_procs_blocked Number of processes blocked waiting for I/O to complete.
            # TYPE node_procs_blocked gauge
            node_procs_blocked 1.0
            # HELP node_procs_running Number of processes in runnable state.
            # TYPE node_procs_running gauge
            node_procs_running 2.0
            """);
  }

  @Test
  void leavesOutCountersTheFileDoesNotHave() throws Exception {
    StatCollector collector = new StatCollector(() -> ProcStat.parse(FILE, "cpu0 1 2 3 4\nctxt 42\n", 100));
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_context_switches_total Total number of context switches.
            # TYPE node_context_switches_total counter
            node_context_switches_total 42.0
            """);
  }
}
