package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.FsUsage;
import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.Mount;
import io.vigil.exporter.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinuxFilesystemSourceTest {

  @TempDir Path tmp;

  @Test
  void readsPidOnesMountTable() throws Exception {
    LinuxFilesystemSource source = new LinuxFilesystemSource(Fixtures.procFs(), HostPaths.defaults());

    List<Mount> mounts = source.mounts();
    assertThat(mounts).hasSize(30);
    assertThat(mounts).extracting(Mount::mountPoint).contains("/", "/boot/efi", "/srv", "/srv/backup");
  }

  @Test
  void fallsBackToItsOwnMountTableWhenPidOnesIsHidden() throws Exception {
    Path proc = Files.createDirectories(tmp.resolve("proc/self"));
    Files.writeString(proc.resolve("mounts"), "/dev/vda / ext4 rw,relatime 0 0\n");

    LinuxFilesystemSource source = new LinuxFilesystemSource(new ProcFs(tmp.resolve("proc")), HostPaths.defaults());

    assertThat(source.mounts()).containsExactly(new Mount("/dev/vda", "/", "ext4", List.of("rw", "relatime")));
  }

  @Test
  void failsWhenNoMountTableCanBeRead() {
    LinuxFilesystemSource source = new LinuxFilesystemSource(new ProcFs(tmp), HostPaths.defaults());

    assertThatThrownBy(source::mounts).isInstanceOf(IOException.class).hasMessageContaining("self/mounts");
  }

  @ParameterizedTest
  @CsvSource({
    "/host, /host, /",
    "/host, /host/srv/data, /srv/data",
    "/host/, /host/boot/efi, /boot/efi",
    "/host, /hostile, /hostile",
    "/host, /proc, /proc",
    "/, /srv, /srv",
  })
  void reportsMountPointsWithoutTheRootfsPrefix(String rootfs, String seen, String reported) {
    LinuxFilesystemSource source =
        new LinuxFilesystemSource(Fixtures.procFs(), HostPaths.underRoot(Path.of(rootfs)));

    assertThat(source.stripRootfs(seen)).isEqualTo(reported);
  }

  @Test
  void statfsOfTheRootFilesystemIsConsistent() throws Exception {
    LinuxFilesystemSource source = new LinuxFilesystemSource(new ProcFs(Path.of("/proc")), HostPaths.defaults());

    FsUsage root = source.usage(new Mount("rootfs", "/", "ext4", List.of("rw")));

    assertThat(root.sizeBytes()).isPositive();
    assertThat(root.availBytes()).isNotNegative().isLessThanOrEqualTo(root.freeBytes());
    assertThat(root.freeBytes()).isLessThanOrEqualTo(root.sizeBytes());
    assertThat(root.files()).isPresent();
    assertThat(root.filesFree().getAsDouble()).isLessThanOrEqualTo(root.files().getAsDouble());
  }

  @Test
  void statfsRunsUnderTheRootfsPrefix() throws Exception {
    Files.createDirectories(tmp.resolve("srv/data"));
    LinuxFilesystemSource source = new LinuxFilesystemSource(Fixtures.procFs(), HostPaths.underRoot(tmp));

    assertThat(source.usage(new Mount("/dev/x", "/srv/data", "ext4", List.of("rw"))).sizeBytes()).isPositive();
    assertThatThrownBy(() -> source.usage(new Mount("/dev/x", "/srv/missing", "ext4", List.of("rw"))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(tmp.resolve("srv/missing").toString())
        .hasMessageContaining("No such file or directory");
  }

  @Test
  void everyMountOfThisHostIsListed() throws Exception {
    LinuxFilesystemSource source = new LinuxFilesystemSource(new ProcFs(Path.of("/proc")), HostPaths.defaults());

    assertThat(source.mounts()).extracting(Mount::mountPoint).contains("/");
  }
}
