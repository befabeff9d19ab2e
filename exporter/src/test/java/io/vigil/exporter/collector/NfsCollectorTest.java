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

class NfsCollectorTest {

  private static Path caseDir(String kase) {
    return Fixtures.caseDir(NfsCollectorTest.class, kase);
  }

  @Test
  void reportsTheCanonicalNfs4ClientWithoutInventingNfsv2Counts() throws Exception {
    // no proc2 line on this host: no proto="2" series (node_exporter reports 18 zeros)
    String out = MetricsText.of(new NfsCollector(Fixtures.procFs()).collect());
    assertThat(out).isEqualTo(Files.readString(caseDir("canonical").resolve("expected.prom")));
    assertThat(out).doesNotContain("proto=\"2\"")
        .contains("node_nfs_requests_total{method=\"Write\",proto=\"4\"} 214553.0\n");
  }

  @Test
  void reportsOnlyTheNfsv4ProceduresAnOldKernelCounts() throws Exception {
    // CentOS 6 prints 48 NFSv4 client procedures: the 11 newer names are absent, not 0
    String out = MetricsText.of(new NfsCollector(new ProcFs(caseDir("nfsv3-centos6").resolve("proc"))).collect());
    assertThat(out).isEqualTo(Files.readString(caseDir("nfsv3-centos6").resolve("expected.prom")));
    assertThat(out).contains("method=\"GetDeviceInfo\",proto=\"4\"").doesNotContain("method=\"Clone\"");
  }

  @Test
  void failsOnAProcedureLineShorterThanItsCount() {
    NfsCollector collector = new NfsCollector(new ProcFs(caseDir("malformed-proc3").resolve("proc")));
    assertThatThrownBy(collector::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("nfs:3: expected a procedure count of at least 22 followed by that many values");
  }

  @Test
  void failsWithAClearMessageWithoutTheClientModule(@TempDir Path root) {
    assertThatThrownBy(new NfsCollector(new ProcFs(root))::collect)
        .isInstanceOf(NoDataException.class)
        .hasMessageEndingWith("no NFS client statistics (the nfs module is not loaded)");
  }
}
