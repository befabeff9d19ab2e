package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.procfs.Mountstats.Mount;
import io.vigil.exporter.source.procfs.Mountstats.Nfs;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MountstatsTest {

  private static final Path FILE = Path.of("/proc/self/mountstats");
  private static final String EVENTS = "\tevents:\t" + "1 ".repeat(26) + "1\n";

  @Test
  void parsesTheCanonicalNfs4MountAmongTheOthers() throws Exception {
    Mountstats stats = Mountstats.readSelf(Fixtures.procFs());
    assertThat(stats.mounts()).hasSize(30);
    Mount backup = stats.mounts().get(28);
    assertThat(backup.device()).isEqualTo("nas.example.net:/export/backup");
    assertThat(backup.fsType()).isEqualTo("nfs4");
    Nfs nfs = backup.nfs().orElseThrow();
    assertThat(nfs.statVersion()).isEqualTo("1.1");
    assertThat(nfs.ageSeconds()).isEqualTo(24310);
    assertThat(nfs.operations()).hasSize(69);
    assertThat(nfs.operations().get(2).name()).isEqualTo("WRITE");
    assertThat(nfs.operations().get(2).errors()).contains(0L);
    assertThat(nfs.transport().orElseThrow().maximumSlotsUsed()).contains(134L);
    assertThat(stats.mounts().stream().filter(m -> m.nfs().isPresent())).hasSize(1);
  }

  @Test
  void leavesOutWhatUdpAndStatisticsVersion10DoNotPrint() throws Exception {
    String text = "device filer:/x mounted on /x with fstype nfs statvers=1.0\n\tage:\t5\n"
        + "\txprt:\tudp 812 0 10 9 0 20 0\n\tper-op statistics\n\t        NULL: 1 1 0 40 24 0 1 1\n\n";
    Nfs nfs = Mountstats.parse(FILE, text).mounts().get(0).nfs().orElseThrow();
    Mountstats.Transport udp = nfs.transport().orElseThrow();
    assertThat(udp.connectCount()).isEmpty();
    assertThat(udp.idleTimeSeconds()).isEmpty();
    assertThat(udp.maximumSlotsUsed()).isEmpty();
    assertThat(udp.sends()).isEqualTo(10);
    assertThat(nfs.bytes()).isEmpty();
    assertThat(nfs.operations().get(0).errors()).isEqualTo(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "device sysfs mounted at /sys with fstype sysfs\n",
    "device /dev/sda1 mounted on / with fstype ext4 statvers=1.1\n",
    "device f:/x mounted on /x with fstype nfs statvers=2.0\n\txprt:\ttcp 1 2 3 4 5 6 7 8 9 10 11 12 13\n",
    "device f:/x mounted on /x with fstype nfs statvers=1.1\n\txprt:\trdma 0 0 0 0 0 0 0 0 0 0 0 0 0\n",
    "device f:/x mounted on /x with fstype nfs statvers=1.1\n\txprt:\ttcp 1 2 3\n",
    "device f:/x mounted on /x with fstype nfs statvers=1.1\n\tbytes:\t1 2 3\n",
    "device f:/x mounted on /x with fstype nfs statvers=1.1\n\tage:\n",
    "device f:/x mounted on /x with fstype nfs statvers=1.1\n\tper-op statistics\n\tNULL: 1 2 3\n",
  })
  void rejectsMalformedEntries(String text) {
    assertThatThrownBy(() -> Mountstats.parse(FILE, text + EVENTS))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith(FILE + ":");
  }

  @Test
  void parsesThisProcessesMountstats() throws Exception {
    ProcFs live = new ProcFs(Path.of("/proc"));
    assumeThat(live.path("self", "mountstats")).as("a Linux host").exists();
    Mountstats stats = Mountstats.readSelf(live);
    assertThat(stats.mounts()).isNotEmpty().allSatisfy(m -> assertThat(m.mountPoint()).startsWith("/"));
    assertThat(stats.mounts()).hasSameSizeAs(Mountinfo.readSelf(live).mounts());
  }
}
