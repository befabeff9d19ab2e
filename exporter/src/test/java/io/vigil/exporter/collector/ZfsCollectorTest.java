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

class ZfsCollectorTest {

  private static final Path UBUNTU = Fixtures.caseDir(ZfsCollectorTest.class, "ubuntu-20.04-zfs-0.8");

  @Test
  void reportsKstatsPoolIoDatasetsAndStates() throws Exception {
    String out = MetricsText.of(new ZfsCollector(new ProcFs(UBUNTU.resolve("proc"))).collect());
    assertThat(out).isEqualTo(Files.readString(UBUNTU.resolve("expected.prom")));
    assertThat(out)
        .contains("# HELP node_zfs_fm_erpt_dropped kstat.zfs.misc.fm.erpt-dropped\n# TYPE node_zfs_fm_erpt_dropped"
            + " untyped\nnode_zfs_fm_erpt_dropped 18.0\n")
        .contains("node_zfs_zpool_state{state=\"degraded\",zpool=\"tank\"} 1.0\n")
        .contains("node_zfs_zpool_dataset_nread{dataset=\"tank/backups\",zpool=\"tank\"} 8.123344128E11\n")
        // int64 statistics and kstats node_exporter 1.5 does not read (dbufstats, qat) are not reported
        .doesNotContain("memory_available_bytes").doesNotContain("node_zfs_dbuf").doesNotContain("qat");
  }

  @Test
  void skipsANegativeInt64InsteadOfFailing() throws Exception {
    Path proc = Fixtures.caseDir(ZfsCollectorTest.class, "negative-int64").resolve("proc");
    assertThat(MetricsText.of(new ZfsCollector(new ProcFs(proc)).collect()))
        .contains("node_zfs_arc_hits 9.8234511E7\n").doesNotContain("memory_available");
  }

  @Test
  void failsOnAShortPoolIoRow(@TempDir Path proc) throws Exception {
    Path pool = Files.createDirectories(proc.resolve("spl/kstat/zfs/tank"));
    Files.writeString(pool.resolve("io"), "12 3 0x00 1 80 2225326830 6371497524\n"
        + "nread    nwritten reads    writes   wtime    wlentime wupdate  rtime    rlentime rupdate  wcnt     rcnt\n"
        + "1884160  3206144  22\n");
    assertThatThrownBy(new ZfsCollector(new ProcFs(proc))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("io:3: expected 12 values");
  }

  @Test
  void failsOnAKstatWithoutItsHeader(@TempDir Path proc) throws Exception {
    Path zfs = Files.createDirectories(proc.resolve("spl/kstat/zfs"));
    Files.writeString(zfs.resolve("arcstats"), "6 1 0x01 91 4368 5266397614 25436417163658\nhits 4 12\n");
    assertThatThrownBy(new ZfsCollector(new ProcFs(proc))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("arcstats: no \"name type data\" header");
  }

  @Test
  void failsWithAClearMessageWithoutTheModule() {
    assertThatThrownBy(new ZfsCollector(Fixtures.procFs())::collect)
        .isInstanceOf(NoDataException.class)
        .hasMessageEndingWith("spl/kstat/zfs: no ZFS statistics (the zfs module is not loaded)");
  }
}
