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

class LnstatCollectorTest {

  @Test
  void exposesEveryColumnOfEveryTablePerCpu() throws Exception {
    assertThat(MetricsText.of(new LnstatCollector(Fixtures.procFs()).collect()))
        .isEqualTo(Files.readString(Fixtures.caseDir(LnstatCollectorTest.class, "canonical.prom")));
  }

  @Test
  void keepsAColumnEndingInTotalAsNodeExporterDoesAndReadsTabSeparatedTables(@TempDir Path proc) throws Exception {
    Path stat = Files.createDirectories(proc.resolve("net/stat"));
    Files.writeString(stat.resolve("rt_cache"), "entries  gc_total\n00000009 00000002\n");
    Files.writeString(stat.resolve("synproxy"), "entries\t\tsyn_received\n00000000\t0000001a\n");

    assertThat(MetricsText.of(new LnstatCollector(new ProcFs(proc)).collect()))
        .isEqualTo(
            """
            # HELP node_lnstat_entries_total linux network cache stats
            # TYPE node_lnstat_entries_total counter
            node_lnstat_entries_total{cpu="0",subsystem="rt_cache"} 9.0
            node_lnstat_entries_total{cpu="0",subsystem="synproxy"} 0.0
            # HELP node_lnstat_gc_total_total linux network cache stats
            # TYPE node_lnstat_gc_total_total counter
            node_lnstat_gc_total_total{cpu="0",subsystem="rt_cache"} 2.0
            # HELP node_lnstat_syn_received_total linux network cache stats
            # TYPE node_lnstat_syn_received_total counter
            node_lnstat_syn_received_total{cpu="0",subsystem="synproxy"} 26.0
            """);
  }

  @Test
  void failsOnARowCutShort(@TempDir Path proc) throws Exception {
    Path stat = Files.createDirectories(proc.resolve("net/stat"));
    Files.writeString(stat.resolve("arp_cache"), "entries  allocs destroys\n00000001 00000002\n");

    assertThatThrownBy(() -> new LnstatCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("arp_cache:2: expected 3 counters");
  }

  @Test
  void exposesNothingWithoutTheDirectoryAsNodeExporterDoes(@TempDir Path proc) throws Exception {
    assertThat(new LnstatCollector(new ProcFs(proc)).collect()).isEmpty();
  }
}
