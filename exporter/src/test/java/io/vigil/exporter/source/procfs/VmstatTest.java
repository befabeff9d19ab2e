package io.vigil.exporter.source.procfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VmstatTest {

  private static final Path FILE = Path.of("/proc/vmstat");

  @Test
  void readsTheCanonicalFixtureInFileOrder() throws Exception {
    Vmstat vmstat = Vmstat.read(Fixtures.procFs());
    assertThat(vmstat.fields()).hasSize(168);
    assertThat(vmstat.fields().keySet().iterator().next()).isEqualTo("nr_free_pages");
    assertThat(vmstat.fields()).containsEntry("pgfault", 187654321L).containsEntry("oom_kill", 1L);
  }

  @Test
  void keepsNegativeNodeCounters() throws Exception {
    // per-CPU drift can make a node_stat item briefly negative; the kernel prints it signed
    assertThat(Vmstat.parse(FILE, "nr_isolated_anon -3\n").fields()).containsEntry("nr_isolated_anon", -3L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "\n", "pgfault\n", "pgfault 12 kB\n", "pgfault many\n", "pgfault 1.5\n"})
  void rejectsMalformedContentNamingTheFile(String content) {
    assertThatThrownBy(() -> Vmstat.parse(FILE, content))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/vmstat:");
  }

  @Test
  void parsesThisHostsVmstat() throws Exception {
    Path real = Path.of("/proc/vmstat");
    assumeThat(Files.isReadable(real)).as("a Linux /proc").isTrue();
    Vmstat vmstat = Vmstat.read(new ProcFs(Path.of("/proc")));
    assertThat(vmstat.fields()).containsKeys("pgfault", "pgpgin", "pgpgout", "pswpin", "pswpout");
    assertThat(vmstat.fields().get("pgfault")).isPositive();
  }
}
