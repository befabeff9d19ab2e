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

class SchedstatCollectorTest {

  @Test
  void exposesRunAndWaitSecondsAndTimeslicesPerCpu() throws Exception {
    assertThat(MetricsText.of(new SchedstatCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_schedstat_running_seconds_total Number of seconds CPU spent running a process.
            # TYPE node_schedstat_running_seconds_total counter
            node_schedstat_running_seconds_total{cpu="0"} 1593.304577108
            node_schedstat_running_seconds_total{cpu="1"} 1730.021833421
            node_schedstat_running_seconds_total{cpu="2"} 1607.987010032
            node_schedstat_running_seconds_total{cpu="3"} 1865.120114583
            # HELP node_schedstat_timeslices_total Number of timeslices executed by CPU.
            # TYPE node_schedstat_timeslices_total counter
            node_schedstat_timeslices_total{cpu="0"} 1.3231977E7
            node_schedstat_timeslices_total{cpu="1"} 1.3998402E7
            node_schedstat_timeslices_total{cpu="2"} 1.3120544E7
            node_schedstat_timeslices_total{cpu="3"} 1.4506233E7
            # HELP node_schedstat_waiting_seconds_total Number of seconds spent by processing waiting for this CPU.
            # TYPE node_schedstat_waiting_seconds_total counter
            node_schedstat_waiting_seconds_total{cpu="0"} 211.98726534
            node_schedstat_waiting_seconds_total{cpu="1"} 236.661024977
            node_schedstat_waiting_seconds_total{cpu="2"} 204.310778106
            node_schedstat_waiting_seconds_total{cpu="3"} 251.004338812
            """);
  }

  @Test
  void failsOnATruncatedCpuLineWhereNodeExporterWouldSilentlySkipTheCpu(@TempDir Path proc) throws Exception {
    Files.writeString(proc.resolve("schedstat"),
        "version 15\ntimestamp 1\ncpu0 0 0 1 2 3 4 5000000000 6000000000 7\ncpu1 0 0 1 2 3 4 5000000000\n");

    assertThatThrownBy(() -> new SchedstatCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("schedstat:4: ");
  }

  @Test
  void failsOnKernelsWithoutSchedstats(@TempDir Path proc) {
    assertThatThrownBy(() -> new SchedstatCollector(new ProcFs(proc)).collect())
        .isInstanceOf(NoDataException.class).hasMessageContaining("CONFIG_SCHEDSTATS");
  }
}
