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

class PressureTest {

  private static final Path FILE = Path.of("/proc/pressure/io");

  @Test
  void readsTotalsInSecondsFromTheCanonicalFixture() throws Exception {
    Pressure io = Pressure.read(Fixtures.procFs(), "io");
    // total=45678901 µs divided by 1000 twice, as node_exporter does: its output ends in ...996 too
    assertThat(io.someTotalSeconds()).hasValue(45.678900999999996);
    assertThat(io.fullTotalSeconds()).hasValue(39.876543);
  }

  @Test
  void leavesFullAbsentOnKernelsWhoseCpuFileHasOnlySome() throws Exception {
    Pressure cpu = Pressure.parse(FILE, "some avg10=1.00 avg60=0.50 avg300=0.10 total=2500000\n");
    assertThat(cpu.someTotalSeconds()).hasValue(2.5);
    assertThat(cpu.fullTotalSeconds()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "full avg10=0.00 avg60=0.00 avg300=0.00 total=0\n",
        "some avg10=0.00 avg60=0.00 avg300=0.00\n",
        "some avg10=0.00 avg60=0.00 avg300=0.00 total=lots\n",
        "some avg10=0.00 avg60=0.00 avg300=0.00 total=1.5\n",
        "most avg10=0.00 avg60=0.00 avg300=0.00 total=1\n"
      })
  void rejectsMalformedContentNamingTheFile(String content) {
    assertThatThrownBy(() -> Pressure.parse(FILE, content))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/pressure/io:");
  }

  @Test
  void parsesThisHostsPressureFiles() throws Exception {
    assumeThat(Files.isDirectory(Path.of("/proc/pressure"))).as("a kernel with PSI").isTrue();
    ProcFs proc = new ProcFs(Path.of("/proc"));
    for (String resource : new String[] {"cpu", "io", "memory"}) {
      Pressure p = Pressure.read(proc, resource);
      assertThat(p.someTotalSeconds().orElseThrow()).isNotNegative();
    }
    assertThat(Pressure.read(proc, "io").fullTotalSeconds()).isPresent();
  }
}
