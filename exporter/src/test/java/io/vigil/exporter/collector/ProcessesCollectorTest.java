package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Exposition;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesCollectorTest {

  @Test
  void countsProcessesThreadsAndStatesOfTheFixtureHost() throws Exception {
    assertThat(MetricsText.of(new ProcessesCollector(Fixtures.procFs()).collect())).isEqualTo("""
        # HELP node_processes_max_processes Number of max PIDs limit
        # TYPE node_processes_max_processes gauge
        node_processes_max_processes 4194304.0
        # HELP node_processes_max_threads Limit of threads in the system
        # TYPE node_processes_max_threads gauge
        node_processes_max_threads 63296.0
        # HELP node_processes_pids Number of PIDs
        # TYPE node_processes_pids gauge
        node_processes_pids 9.0
        # HELP node_processes_state Number of processes in each state.
        # TYPE node_processes_state gauge
        node_processes_state{state="I"} 1.0
        node_processes_state{state="R"} 1.0
        node_processes_state{state="S"} 6.0
        node_processes_state{state="Z"} 1.0
        # HELP node_processes_threads Allocated threads in system
        # TYPE node_processes_threads gauge
        node_processes_threads 11.0
        # HELP node_processes_threads_state Number of threads in each state.
        # TYPE node_processes_threads_state gauge
        node_processes_threads_state{thread_state="I"} 1.0
        node_processes_threads_state{thread_state="R"} 2.0
        node_processes_threads_state{thread_state="S"} 7.0
        node_processes_threads_state{thread_state="Z"} 1.0
        """);
  }

  @Test
  void missingPidMaxFailsTheCollector(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("sys/kernel"));
    Files.writeString(root.resolve("sys/kernel/threads-max"), "100\n");
    assertThatThrownBy(() -> new ProcessesCollector(new ProcFs(root)).collect()).hasMessageContaining("pid_max");
  }

  @Test
  void countsThisMachine() throws Exception {
    Exposition e = Exposition.parse(MetricsText.of(new ProcessesCollector(new ProcFs(Path.of("/proc"))).collect()));
    double pids = e.family("node_processes_pids").orElseThrow().samples().get(0).value();
    double threads = e.family("node_processes_threads").orElseThrow().samples().get(0).value();
    assertThat(pids).isGreaterThanOrEqualTo(2);
    assertThat(threads).isGreaterThanOrEqualTo(pids);
    double byState = e.family("node_processes_state").orElseThrow().samples().stream().mapToDouble(s -> s.value())
        .sum();
    assertThat(byState).isBetween(pids - 50, pids + 50); // processes come and go between the two reads
    assertThat(e.family("node_processes_max_processes").orElseThrow().samples().get(0).value())
        .isGreaterThanOrEqualTo(pids);
    // the thread reading /proc is itself running
    assertThat(e.family("node_processes_threads_state").orElseThrow().find(Map.of("thread_state", "R"))).isPresent();
  }
}
