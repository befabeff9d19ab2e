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

class NfsdCollectorTest {

  private static String scrape(String kase) throws Exception {
    return MetricsText.of(new NfsdCollector(
        new ProcFs(Fixtures.caseDir(NfsdCollectorTest.class, kase).resolve("proc"))).collect());
  }

  private static String expected(String kase) throws Exception {
    return Files.readString(Fixtures.caseDir(NfsdCollectorTest.class, kase).resolve("expected.prom"));
  }

  @Test
  void reportsADebian12ServerWithoutNfsv2() throws Exception {
    String out = scrape("debian12-server");
    assertThat(out).isEqualTo(expected("debian12-server"));
    // operations by RFC 7530 number: VERIFY is 37, WRITE 38 (node_exporter 1.5 shifts these by two)
    assertThat(out).contains("node_nfsd_requests_total{method=\"Write\",proto=\"4\"} 2123344.0\n",
        "node_nfsd_requests_total{method=\"Verify\",proto=\"4\"} 0.0\n").doesNotContain("proto=\"2\"");
  }

  @Test
  void reportsAnUbuntu1804ServerWithNfsv2AndItsZeroedCaches() throws Exception {
    String out = scrape("ubuntu18.04-server");
    assertThat(out).isEqualTo(expected("ubuntu18.04-server"));
    assertThat(out).contains("node_nfsd_requests_total{method=\"Root\",proto=\"2\"} 0.0\n")
        .contains("node_nfsd_read_ahead_cache_size_blocks 0.0\n").doesNotContain("method=\"Null\"");
  }

  @Test
  void ignoresTheLineLinux69AddedInsteadOfFailing() throws Exception {
    // node_exporter 1.5 fails on "wdeleg_getattr"; everything else is the Debian 12 server's file
    assertThat(scrape("kernel-6.12-wdeleg")).isEqualTo(expected("debian12-server"));
  }

  @Test
  void failsOnAMalformedLine(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("net/rpc"));
    Files.writeString(root.resolve("net/rpc/nfsd"), "rc 0 6 18622\nfh 0 0 0 0 0\nio 157286400\n");
    assertThatThrownBy(new NfsdCollector(new ProcFs(root))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("nfsd:3: expected 2 values: \"io 157286400\"");
  }

  @Test
  void failsWithAClearMessageWithoutAnNfsServer(@TempDir Path root) {
    assertThatThrownBy(new NfsdCollector(new ProcFs(root))::collect)
        .isInstanceOf(NoDataException.class)
        .hasMessageEndingWith("no NFS server statistics (nfsd is not loaded)");
  }

  @Test
  void theCanonicalHostIsOnlyAClient() {
    assertThatThrownBy(new NfsdCollector(Fixtures.procFs())::collect).isInstanceOf(NoDataException.class);
  }
}
