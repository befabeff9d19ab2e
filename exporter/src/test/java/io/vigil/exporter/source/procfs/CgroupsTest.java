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

class CgroupsTest {

  private static final Path FILE = Path.of("/proc/cgroups");
  private static final String HEADER = "#subsys_name\thierarchy\tnum_cgroups\tenabled\n";

  @Test
  void parsesTheCgroupV2OnlyControllersOfTheCanonicalHost() throws Exception {
    Cgroups cgroups = Cgroups.read(Fixtures.procFs());

    assertThat(cgroups.subsystems()).hasSize(14)
        .allSatisfy(s -> assertThat(s.hierarchy()).isZero())
        .allSatisfy(s -> assertThat(s.cgroups()).isEqualTo(87));
    assertThat(cgroups.subsystems().get(4)).isEqualTo(new Cgroups.Subsystem("memory", 0, 87, 1));
  }

  @Test
  void keepsADisabledController() throws Exception {
    Cgroups cgroups = Cgroups.parse(FILE, HEADER + "cpu\t3\t72\t1\nmemory\t0\t79\t0\n");

    assertThat(cgroups.subsystems()).containsExactly(
        new Cgroups.Subsystem("cpu", 3, 72, 1), new Cgroups.Subsystem("memory", 0, 79, 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cpuset\t0\t5", "cpuset\t0\tfive\t1", "cpuset"})
  void rejectsTruncatedAndMalformedLinesNamingFileAndLine(String line) {
    assertThatThrownBy(() -> Cgroups.parse(FILE, HEADER + line + "\n"))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/cgroups:2: ");
  }

  @Test
  void parsesThisHostsControllers() throws Exception {
    assumeThat(Files.isReadable(FILE)).as("a Linux /proc").isTrue();
    assertThat(Cgroups.read(new ProcFs(Path.of("/proc"))).subsystems())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.enabled()).isBetween(0L, 1L));
  }
}
