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

class CgroupsCollectorTest {

  @Test
  void exposesEveryControllerOfACgroupV2Host() throws Exception {
    assertThat(MetricsText.of(new CgroupsCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_cgroups_cgroups Current cgroup number of the subsystem.
            # TYPE node_cgroups_cgroups gauge
            node_cgroups_cgroups{subsys_name="blkio"} 87.0
            node_cgroups_cgroups{subsys_name="cpu"} 87.0
            node_cgroups_cgroups{subsys_name="cpuacct"} 87.0
            node_cgroups_cgroups{subsys_name="cpuset"} 87.0
            node_cgroups_cgroups{subsys_name="devices"} 87.0
            node_cgroups_cgroups{subsys_name="freezer"} 87.0
            node_cgroups_cgroups{subsys_name="hugetlb"} 87.0
            node_cgroups_cgroups{subsys_name="memory"} 87.0
            node_cgroups_cgroups{subsys_name="misc"} 87.0
            node_cgroups_cgroups{subsys_name="net_cls"} 87.0
            node_cgroups_cgroups{subsys_name="net_prio"} 87.0
            node_cgroups_cgroups{subsys_name="perf_event"} 87.0
            node_cgroups_cgroups{subsys_name="pids"} 87.0
            node_cgroups_cgroups{subsys_name="rdma"} 87.0
            # HELP node_cgroups_enabled Current cgroup number of the subsystem.
            # TYPE node_cgroups_enabled gauge
            node_cgroups_enabled{subsys_name="blkio"} 1.0
            node_cgroups_enabled{subsys_name="cpu"} 1.0
            node_cgroups_enabled{subsys_name="cpuacct"} 1.0
            node_cgroups_enabled{subsys_name="cpuset"} 1.0
            node_cgroups_enabled{subsys_name="devices"} 1.0
            node_cgroups_enabled{subsys_name="freezer"} 1.0
            node_cgroups_enabled{subsys_name="hugetlb"} 1.0
            node_cgroups_enabled{subsys_name="memory"} 1.0
            node_cgroups_enabled{subsys_name="misc"} 1.0
            node_cgroups_enabled{subsys_name="net_cls"} 1.0
            node_cgroups_enabled{subsys_name="net_prio"} 1.0
            node_cgroups_enabled{subsys_name="perf_event"} 1.0
            node_cgroups_enabled{subsys_name="pids"} 1.0
            node_cgroups_enabled{subsys_name="rdma"} 1.0
            """);
  }

  @Test
  void exposesADisabledMemoryControllerAsZero() throws Exception {
    ProcFs proc =
        new ProcFs(Fixtures.caseDir(CgroupsCollectorTest.class, "raspberry-pi-memory-disabled").resolve("proc"));

    assertThat(MetricsText.of(new CgroupsCollector(proc).collect()))
        .isEqualTo(
            """
            # HELP node_cgroups_cgroups Current cgroup number of the subsystem.
            # TYPE node_cgroups_cgroups gauge
            node_cgroups_cgroups{subsys_name="blkio"} 72.0
            node_cgroups_cgroups{subsys_name="cpu"} 72.0
            node_cgroups_cgroups{subsys_name="cpuacct"} 72.0
            node_cgroups_cgroups{subsys_name="cpuset"} 1.0
            node_cgroups_cgroups{subsys_name="devices"} 72.0
            node_cgroups_cgroups{subsys_name="freezer"} 2.0
            node_cgroups_cgroups{subsys_name="memory"} 79.0
            node_cgroups_cgroups{subsys_name="net_cls"} 1.0
            node_cgroups_cgroups{subsys_name="net_prio"} 1.0
            node_cgroups_cgroups{subsys_name="perf_event"} 1.0
            node_cgroups_cgroups{subsys_name="pids"} 77.0
            # HELP node_cgroups_enabled Current cgroup number of the subsystem.
            # TYPE node_cgroups_enabled gauge
            node_cgroups_enabled{subsys_name="blkio"} 1.0
            node_cgroups_enabled{subsys_name="cpu"} 1.0
            node_cgroups_enabled{subsys_name="cpuacct"} 1.0
            node_cgroups_enabled{subsys_name="cpuset"} 1.0
            node_cgroups_enabled{subsys_name="devices"} 1.0
            node_cgroups_enabled{subsys_name="freezer"} 1.0
            node_cgroups_enabled{subsys_name="memory"} 0.0
            node_cgroups_enabled{subsys_name="net_cls"} 1.0
            node_cgroups_enabled{subsys_name="net_prio"} 1.0
            node_cgroups_enabled{subsys_name="perf_event"} 1.0
            node_cgroups_enabled{subsys_name="pids"} 1.0
            """);
  }

  @Test
  void failsOnALineCutShort(@TempDir Path proc) throws Exception {
    Files.writeString(proc.resolve("cgroups"), "#subsys_name\thierarchy\tnum_cgroups\tenabled\ncpuset\t0\t5\n");

    assertThatThrownBy(() -> new CgroupsCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("cgroups:2: ");
  }
}
