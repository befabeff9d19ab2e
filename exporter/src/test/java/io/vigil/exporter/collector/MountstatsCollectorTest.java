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

class MountstatsCollectorTest {

  private static Path caseDir(String kase) {
    return Fixtures.caseDir(MountstatsCollectorTest.class, kase);
  }

  private static String scrape(Path proc) throws Exception {
    return MetricsText.of(new MountstatsCollector(new ProcFs(proc)).collect());
  }

  @Test
  void reportsTheCanonicalNfs4BackupMount() throws Exception {
    // proc/self links to the exporter's pid, whose mountstats lists 30 mounts, one of them NFS
    String out = scrape(Fixtures.root().resolve("proc"));
    assertThat(out).isEqualTo(Files.readString(caseDir("canonical").resolve("expected.prom")));
    assertThat(out).contains("node_mountstats_nfs_operations_requests_total{export=\"nas.example.net:/export/backup\","
        + "mountaddr=\"10.0.0.5\",operation=\"WRITE\",protocol=\"tcp\"} 214553.0\n");
  }

  @Test
  void reportsAnExportMountedTwiceOnceAndUdpWithoutConnectionCounters() throws Exception {
    String out = scrape(caseDir("rhel7-nfsv3").resolve("proc"));
    assertThat(out).isEqualTo(Files.readString(caseDir("rhel7-nfsv3").resolve("expected.prom")));
    assertThat(out).contains("node_mountstats_nfs_transport_sends_total{export=\"filer2.example.org:/scratch\","
            + "mountaddr=\"192.168.10.12\",protocol=\"udp\"} 142935.0\n")
        .doesNotContain("node_mountstats_nfs_transport_connect_total{export=\"filer2.example.org:/scratch\"")
        .doesNotContain("home-alias");
  }

  @Test
  void reportsNoSlotOrQueueCountersForStatisticsVersion10() throws Exception {
    String out = scrape(caseDir("statvers-1.0").resolve("proc"));
    assertThat(out).isEqualTo(Files.readString(caseDir("statvers-1.0").resolve("expected.prom")));
    assertThat(out).doesNotContain("maximum_rpc_slots").doesNotContain("sending_queue")
        .contains("node_mountstats_nfs_transport_idle_time_seconds{export=\"nas:/export\",mountaddr=\"10.1.1.20\","
            + "protocol=\"tcp\"} 3.0\n");
  }

  @Test
  void reportsNothingWithoutNfsMounts(@TempDir Path proc) throws Exception {
    Path self = Files.createDirectories(proc.resolve("self"));
    Files.writeString(self.resolve("mountstats"), "device sysfs mounted on /sys with fstype sysfs\n");
    Files.writeString(self.resolve("mountinfo"), "23 28 0:21 / /sys rw,nosuid - sysfs sysfs rw\n");
    assertThat(new MountstatsCollector(new ProcFs(proc)).collect()).isEmpty();
  }

  @Test
  void failsOnAnEventsLineWithTheWrongLength(@TempDir Path proc) throws Exception {
    Path self = Files.createDirectories(proc.resolve("self"));
    Files.writeString(self.resolve("mountinfo"), "41 20 0:38 / /home rw - nfs filer:/home rw,addr=192.0.2.1\n");
    Files.writeString(self.resolve("mountstats"), "device filer:/home mounted on /home with fstype nfs statvers=1.1\n"
        + "\tage:\t12\n\tevents:\t1 2 3\n\n");
    assertThatThrownBy(new MountstatsCollector(new ProcFs(proc))::collect)
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("mountstats:3: expected 27 counters");
  }

  @Test
  void failsWithoutProcSelfMountstats(@TempDir Path proc) {
    assertThatThrownBy(new MountstatsCollector(new ProcFs(proc))::collect).isInstanceOf(NoSuchFileException.class);
  }
}
