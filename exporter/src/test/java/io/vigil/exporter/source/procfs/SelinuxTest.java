package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelinuxTest {

  @Test
  void isDisabledWithoutSelinuxfsAsOnTheCanonicalDebianHost() {
    Path root = Fixtures.root();

    assertThat(Selinux.read(Fixtures.sysFs(), Fixtures.procFs(), root.resolve("etc/selinux/config")))
        .isEqualTo(new Selinux(false, Selinux.DISABLED, Selinux.DISABLED));
  }

  @Test
  void readsTheCurrentAndConfiguredModeOfAnEnforcingRhelHost() {
    Path root = Fixtures.root().resolve("SelinuxCollectorTest/rhel-9-enforcing");

    assertThat(Selinux.read(new SysFs(root.resolve("sys")), new ProcFs(root.resolve("proc")),
            root.resolve("etc/selinux/config")))
        .isEqualTo(new Selinux(true, Selinux.ENFORCING, Selinux.ENFORCING));
  }

  @Test
  void countsSelinuxfsWithoutALoadedPolicyAsDisabled(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("sys/fs/selinux"));
    Files.writeString(root.resolve("sys/fs/selinux/enforce"), "0");
    Files.createDirectories(root.resolve("proc/self/attr"));
    Files.writeString(root.resolve("proc/self/attr/current"), "kernel\0");

    Selinux s = Selinux.read(new SysFs(root.resolve("sys")), new ProcFs(root.resolve("proc")), root.resolve("none"));

    assertThat(s.enabled()).isFalse();
    assertThat(s.currentMode()).isEqualTo(Selinux.PERMISSIVE);
  }

  @Test
  void readsAnUnparseableEnforceFileAsDisabledModeLikeGoSelinux(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("sys/fs/selinux"));
    Files.writeString(root.resolve("sys/fs/selinux/enforce"), "garbage");

    Selinux s = Selinux.read(new SysFs(root.resolve("sys")), new ProcFs(root.resolve("proc")), root.resolve("none"));

    assertThat(s).isEqualTo(new Selinux(true, Selinux.DISABLED, Selinux.DISABLED));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELINUX=enforcing|1",
      "SELINUX=permissive|0",
      "SELINUX=disabled|-1",
      "SELINUX=\"permissive\"|0",
      "  SELINUX=enforcing  |1",
      "# SELINUX=enforcing|-1",
      "; SELINUX=enforcing|-1",
      "SELINUXTYPE=targeted|-1",
      "SELINUX=Enforcing|-1",
      "''|-1"})
  void mapsTheConfiguredModeAsGoSelinuxDoes(String line, int mode) {
    assertThat(Selinux.parseConfigMode("# comment\n" + line + "\nSELINUXTYPE=targeted\n")).isEqualTo(mode);
  }

  @Test
  void reportsThisHostWithoutSelinuxfsAsDisabled() {
    assumeThat(Path.of("/sys/fs/selinux/enforce")).as("a host without SELinux").doesNotExist();

    Selinux s = Selinux.read(new SysFs(Path.of("/sys")), new ProcFs(Path.of("/proc")), Path.of("/etc/selinux/config"));

    assertThat(s.enabled()).isFalse();
    assertThat(s.currentMode()).isEqualTo(Selinux.DISABLED);
  }
}
