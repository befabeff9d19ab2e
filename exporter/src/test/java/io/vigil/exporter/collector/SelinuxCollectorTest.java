package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.procfs.ProcFs;
import io.vigil.exporter.source.procfs.SysFs;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelinuxCollectorTest {

  @Test
  void exposesOnlyEnabledZeroOnAHostWithoutSelinux() throws Exception {
    SelinuxCollector collector = new SelinuxCollector(
        Fixtures.sysFs(), Fixtures.procFs(), Fixtures.root().resolve("etc/selinux/config"));

    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_selinux_enabled SELinux is enabled, 1 is true, 0 is false
            # TYPE node_selinux_enabled gauge
            node_selinux_enabled 0.0
            """);
  }

  @Test
  void exposesTheConfiguredAndCurrentModeOfAnEnforcingHost() throws Exception {
    assertThat(MetricsText.of(collector(Fixtures.caseDir(SelinuxCollectorTest.class, "rhel-9-enforcing")).collect()))
        .isEqualTo(
            """
            # HELP node_selinux_config_mode Configured SELinux enforcement mode
            # TYPE node_selinux_config_mode gauge
            node_selinux_config_mode 1.0
            # HELP node_selinux_current_mode Current SELinux enforcement mode
            # TYPE node_selinux_current_mode gauge
            node_selinux_current_mode 1.0
            # HELP node_selinux_enabled SELinux is enabled, 1 is true, 0 is false
            # TYPE node_selinux_enabled gauge
            node_selinux_enabled 1.0
            """);
  }

  @Test
  void reportsAPermissiveHostConfiguredToEnforceAtNextBoot(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("sys/fs/selinux"));
    Files.writeString(root.resolve("sys/fs/selinux/enforce"), "0");
    Files.createDirectories(root.resolve("etc/selinux"));
    Files.writeString(root.resolve("etc/selinux/config"), "SELINUX=enforcing\nSELINUXTYPE=targeted\n");

    assertThat(MetricsText.of(collector(root).collect()))
        .contains("node_selinux_enabled 1.0", "node_selinux_config_mode 1.0", "node_selinux_current_mode 0.0");
  }

  @Test
  void neverFailsOnUnreadableFilesAsGoSelinuxNeverDoes(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("sys/fs/selinux"));
    Files.writeString(root.resolve("sys/fs/selinux/enforce"), "\u0000garbage");
    Files.createDirectories(root.resolve("etc/selinux/config")); // a directory where the file should be

    assertThat(MetricsText.of(collector(root).collect()))
        .contains("node_selinux_enabled 1.0", "node_selinux_config_mode -1.0", "node_selinux_current_mode -1.0");
  }

  private static SelinuxCollector collector(Path root) {
    return new SelinuxCollector(
        new SysFs(root.resolve("sys")), new ProcFs(root.resolve("proc")), root.resolve("etc/selinux/config"));
  }
}
