package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.HostPaths;
import io.vigil.exporter.source.HostSources;
import io.vigil.exporter.source.OsRelease;
import io.vigil.exporter.source.Uname;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinuxSourcesTest {

  private static HostSources fixtureSources() {
    return LinuxSources.create(
        Fixtures.procFs(), Fixtures.sysFs(), HostPaths.underRoot(Fixtures.root()), () -> "x86_64");
  }

  @Test
  void readsUnameFromProcSysKernelWithTheGivenMachine() throws Exception {
    assertThat(fixtureSources().uname().read())
        .isEqualTo(
            new Uname(
                "Linux",
                "web-01",
                "6.12.12+bpo-amd64",
                "#1 SMP PREEMPT_DYNAMIC Debian 6.12.12-1~bpo12+1 (2025-02-23)",
                "x86_64",
                "(none)"));
  }

  @Test
  void readsStatAndMeminfoFromTheProcRoot() throws Exception {
    HostSources sources = fixtureSources();
    assertThat(sources.stat().read().cpus()).hasSize(4);
    assertThat(sources.meminfo().read().bytes("MemTotal")).hasValue(8148320 * 1024.0);
  }

  @Test
  void readsEtcOsReleaseUnderTheRootfs() throws Exception {
    assertThat(fixtureSources().osRelease().read().get("VERSION_CODENAME")).isEqualTo("bookworm");
  }

  @Test
  void fallsBackToUsrLibOsRelease(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("usr/lib"));
    Files.writeString(root.resolve("usr/lib/os-release"), "ID=fedora\nVERSION_ID=40\n");
    OsRelease os = LinuxSources.osRelease(HostPaths.underRoot(root));
    assertThat(os.get("ID")).isEqualTo("fedora");
  }

  @Test
  void namesBothOsReleaseLocationsWhenNeitherExists(@TempDir Path root) {
    assertThatThrownBy(() -> LinuxSources.osRelease(HostPaths.underRoot(root)))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining(root.resolve("etc/os-release").toString())
        .hasMessageContaining(root.resolve("usr/lib/os-release").toString());
  }

  @Test
  void readsThisHostsUnameLikeTheUnameCommand() throws Exception {
    assumeThat(Files.isDirectory(Path.of("/proc/sys/kernel"))).as("a Linux /proc").isTrue();
    Uname uname =
        LinuxSources.create(new ProcFs(Path.of("/proc")), new SysFs(Path.of("/sys")), HostPaths.defaults())
            .uname()
            .read();
    assertThat(uname.sysname()).isEqualTo("Linux");
    assertThat(uname.release()).isEqualTo(System.getProperty("os.version"));
    assertThat(uname.machine()).isNotBlank();
    assertThat(uname.version()).doesNotEndWith("\n");
  }
}
