package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MountinfoTest {

  private static final Path FILE = Path.of("/proc/self/mountinfo");

  @Test
  void parsesTheCanonicalMountTableInTheOrderOfProc1Mounts() throws Exception {
    Mountinfo info = Mountinfo.readSelf(Fixtures.procFs());
    assertThat(info.mounts()).hasSize(30);
    Mountinfo.Mount backup = info.mounts().get(28);
    assertThat(backup.mountPoint()).isEqualTo("/srv/backup");
    assertThat(backup.fsType()).isEqualTo("nfs4");
    assertThat(backup.superOption("addr")).contains("10.0.0.5");
    assertThat(backup.superOption("hard")).contains("");
  }

  @Test
  void handlesMountsWithoutOptionalFields() throws Exception {
    Mountinfo.Mount m = Mountinfo.parse(FILE, "1 0 0:1 / / rw - rootfs rootfs rw\n").mounts().get(0);
    assertThat(m.source()).isEqualTo("rootfs");
    assertThat(m.superOptions()).containsOnlyKeys("rw");
  }

  @ParameterizedTest
  @ValueSource(strings = {"23 28 0:21 / /sys rw - sysfs", "x 28 0:21 / /sys rw shared:3 - sysfs sysfs rw",
      "23 28 0:21 / /sys rw shared:3 + sysfs sysfs rw"})
  void rejectsMalformedLines(String line) {
    assertThatThrownBy(() -> Mountinfo.parse(FILE, line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith(FILE + ":1: ");
  }

  @Test
  void parsesThisProcessesMountTable() throws Exception {
    ProcFs live = new ProcFs(Path.of("/proc"));
    assumeThat(live.path("self", "mountinfo")).as("a Linux host").exists();
    assertThat(Mountinfo.readSelf(live).mounts()).anySatisfy(m -> assertThat(m.mountPoint()).isEqualTo("/"));
  }
}
