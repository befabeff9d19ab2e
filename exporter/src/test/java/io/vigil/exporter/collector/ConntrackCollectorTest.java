package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConntrackCollectorTest {

  @Test
  void exposesTableSizeLimitAndStatisticsSummedOverCpus() throws Exception {
    assertThat(MetricsText.of(new ConntrackCollector(Fixtures.procFs()).collect()))
        .isEqualTo(
            """
            # HELP node_nf_conntrack_entries Number of currently allocated flow entries for connection tracking.
            # TYPE node_nf_conntrack_entries gauge
            node_nf_conntrack_entries 1851.0
            # HELP node_nf_conntrack_entries_limit Maximum size of connection tracking table.
            # TYPE node_nf_conntrack_entries_limit gauge
            node_nf_conntrack_entries_limit 262144.0
            # HELP node_nf_conntrack_stat_drop Number of packets dropped due to conntrack failure.
            # TYPE node_nf_conntrack_stat_drop gauge
            node_nf_conntrack_stat_drop 0.0
            # HELP node_nf_conntrack_stat_early_drop Number of dropped conntrack entries to make room for new ones, if maximum table size was reached.
            # TYPE node_nf_conntrack_stat_early_drop gauge
            node_nf_conntrack_stat_early_drop 0.0
            # HELP node_nf_conntrack_stat_found Number of searched entries which were successful.
            # TYPE node_nf_conntrack_stat_found gauge
            node_nf_conntrack_stat_found 1642.0
            # HELP node_nf_conntrack_stat_ignore Number of packets seen which are already connected to a conntrack entry.
            # TYPE node_nf_conntrack_stat_ignore gauge
            node_nf_conntrack_stat_ignore 356053.0
            # HELP node_nf_conntrack_stat_insert Number of entries inserted into the list.
            # TYPE node_nf_conntrack_stat_insert gauge
            node_nf_conntrack_stat_insert 0.0
            # HELP node_nf_conntrack_stat_insert_failed Number of entries for which list insertion was attempted but failed.
            # TYPE node_nf_conntrack_stat_insert_failed gauge
            node_nf_conntrack_stat_insert_failed 3.0
            # HELP node_nf_conntrack_stat_invalid Number of packets seen which can not be tracked.
            # TYPE node_nf_conntrack_stat_invalid gauge
            node_nf_conntrack_stat_invalid 4776.0
            # HELP node_nf_conntrack_stat_search_restart Number of conntrack table lookups which had to be restarted due to hashtable resizes.
            # TYPE node_nf_conntrack_stat_search_restart gauge
            node_nf_conntrack_stat_search_restart 379.0
            """);
  }

  @Test
  void leavesOutSearchRestartOnKernelsThatDoNotPrintIt() throws Exception {
    ProcFs proc = new ProcFs(Fixtures.caseDir(ConntrackCollectorTest.class, "kernel-3.16-16-columns").resolve("proc"));

    assertThat(MetricsText.of(new ConntrackCollector(proc).collect()))
        .isEqualTo(
            """
            # HELP node_nf_conntrack_entries Number of currently allocated flow entries for connection tracking.
            # TYPE node_nf_conntrack_entries gauge
            node_nf_conntrack_entries 1000.0
            # HELP node_nf_conntrack_entries_limit Maximum size of connection tracking table.
            # TYPE node_nf_conntrack_entries_limit gauge
            node_nf_conntrack_entries_limit 65536.0
            # HELP node_nf_conntrack_stat_drop Number of packets dropped due to conntrack failure.
            # TYPE node_nf_conntrack_stat_drop gauge
            node_nf_conntrack_stat_drop 0.0
            # HELP node_nf_conntrack_stat_early_drop Number of dropped conntrack entries to make room for new ones, if maximum table size was reached.
            # TYPE node_nf_conntrack_stat_early_drop gauge
            node_nf_conntrack_stat_early_drop 0.0
            # HELP node_nf_conntrack_stat_found Number of searched entries which were successful.
            # TYPE node_nf_conntrack_stat_found gauge
            node_nf_conntrack_stat_found 844.0
            # HELP node_nf_conntrack_stat_ignore Number of packets seen which are already connected to a conntrack entry.
            # TYPE node_nf_conntrack_stat_ignore gauge
            node_nf_conntrack_stat_ignore 228209.0
            # HELP node_nf_conntrack_stat_insert Number of entries inserted into the list.
            # TYPE node_nf_conntrack_stat_insert gauge
            node_nf_conntrack_stat_insert 21128.0
            # HELP node_nf_conntrack_stat_insert_failed Number of entries for which list insertion was attempted but failed.
            # TYPE node_nf_conntrack_stat_insert_failed gauge
            node_nf_conntrack_stat_insert_failed 0.0
            # HELP node_nf_conntrack_stat_invalid Number of packets seen which can not be tracked.
            # TYPE node_nf_conntrack_stat_invalid gauge
            node_nf_conntrack_stat_invalid 83.0
            """);
  }

  @Test
  void failsWithAClearMessageWhenNfConntrackIsNotLoaded(@TempDir Path proc) {
    assertThatThrownBy(() -> new ConntrackCollector(new ProcFs(proc)).collect())
        .isInstanceOf(NoDataException.class)
        .hasMessageContaining("nf_conntrack not loaded")
        .hasMessageContaining("nf_conntrack_count");
  }

  @Test
  void failsOnAStatisticsRowCutShort(@TempDir Path proc) throws Exception {
    copyCanonical(proc);
    Path stat = proc.resolve("net/stat/nf_conntrack");
    Files.writeString(stat, Files.readString(stat) + "0000073b  00000000 00000001\n");

    assertThatThrownBy(() -> new ConntrackCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("nf_conntrack:6: expected 17 counters");
  }

  @Test
  void failsOnANonNumericCount(@TempDir Path proc) throws Exception {
    copyCanonical(proc);
    Files.writeString(proc.resolve("sys/net/netfilter/nf_conntrack_count"), "many\n");

    assertThatThrownBy(() -> new ConntrackCollector(new ProcFs(proc)).collect())
        .isInstanceOf(MalformedFileException.class);
  }

  private static void copyCanonical(Path proc) throws IOException {
    ProcFs canonical = Fixtures.procFs();
    Files.createDirectories(proc.resolve("net/stat"));
    Files.createDirectories(proc.resolve("sys/net/netfilter"));
    for (String f : new String[] {"net/stat/nf_conntrack", "sys/net/netfilter/nf_conntrack_count",
        "sys/net/netfilter/nf_conntrack_max"}) {
      Files.copy(canonical.root().resolve(f), proc.resolve(f));
    }
  }
}
