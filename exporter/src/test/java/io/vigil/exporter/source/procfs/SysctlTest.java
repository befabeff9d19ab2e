package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SysctlTest {

  private static final Path FILE = Path.of("/proc/sys/kernel/printk");

  @Test
  void mapsTheDottedNameToItsFileUnderProcSys() {
    assertThat(Sysctl.path(new ProcFs(Path.of("/host/proc")), "net.ipv4.ip_local_port_range"))
        .isEqualTo(Path.of("/host/proc/sys/net/ipv4/ip_local_port_range"));
  }

  @Test
  void readsOneValueAndSeveralTabSeparatedValuesFromTheCanonicalFixture() throws Exception {
    assertThat(Sysctl.read(Fixtures.procFs(), "vm.swappiness").integers()).containsExactly(60L);
    assertThat(Sysctl.read(Fixtures.procFs(), "kernel.printk").integers()).containsExactly(4L, 4L, 1L, 7L);
    assertThat(Sysctl.read(Fixtures.procFs(), "kernel.seccomp.actions_avail").values())
        .containsExactly("kill_process", "kill_thread", "trap", "errno", "user_notif", "trace", "log", "allow");
  }

  @Test
  void readsOneUnsignedValue() throws Exception {
    assertThat(Sysctl.readUnsigned(Fixtures.procFs(), "net.netfilter.nf_conntrack_max")).isEqualTo(262144);
    assertThat(Sysctl.parse(FILE, "x", "18446744073709551615\n").unsigned()).isEqualTo(-1L); // 2^64-1, unsigned
  }

  @Test
  void acceptsNegativeIntegersAndAnEmptyFileHasNoValues() throws Exception {
    assertThat(Sysctl.parse(FILE, "kernel.x", "-1\n").integers()).containsExactly(-1L);
    assertThat(Sysctl.parse(FILE, "kernel.x", "").values()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"4\t4\tone\t7", "0x10", "1.5", "99999999999999999999"})
  void rejectsValuesThatAreNotIntegersNamingTheFile(String content) {
    assertThatThrownBy(() -> Sysctl.parse(FILE, "kernel.printk", content).integers())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/sys/kernel/printk:1: not an integer");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1 2", "-1", "abc"})
  void rejectsAnythingButOneUnsignedValue(String content) {
    assertThatThrownBy(() -> Sysctl.parse(FILE, "x", content).unsigned())
        .isInstanceOf(MalformedFileException.class)
        .hasMessageContaining("expected one non-negative integer");
  }

  @Test
  void failsWithTheFileNameWhenTheParameterDoesNotExist() {
    assertThatThrownBy(() -> Sysctl.read(Fixtures.procFs(), "vm.no_such_knob"))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageEndingWith("proc/sys/vm/no_such_knob");
  }

  @Test
  void readsThisHostsParameters() throws Exception {
    assumeThat(Files.isReadable(Path.of("/proc/sys/kernel/printk"))).as("a Linux /proc").isTrue();
    ProcFs proc = new ProcFs(Path.of("/proc"));
    List<Long> printk = Sysctl.read(proc, "kernel.printk").integers();
    assertThat(printk).hasSize(4);
    assertThat(Sysctl.readUnsigned(proc, "kernel.pid_max")).isGreaterThanOrEqualTo(301);
  }
}
