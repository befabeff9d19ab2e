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

class SchedstatTest {

  private static final Path FILE = Path.of("/proc/schedstat");

  @Test
  void keepsTheCpuLinesAndSkipsVersionTimestampAndDomains() throws Exception {
    Schedstat stat = Schedstat.read(Fixtures.procFs());

    assertThat(stat.cpus()).extracting(Schedstat.Cpu::cpu).containsExactly("0", "1", "2", "3");
    assertThat(stat.cpus().get(0))
        .isEqualTo(new Schedstat.Cpu("0", 1593304577108L, 211987265340L, 13231977L));
    assertThat(stat.cpus().get(0).runningSeconds()).isEqualTo(1593.304577108);
    assertThat(stat.cpus().get(0).waitingSeconds()).isEqualTo(211.98726534);
  }

  @Test
  void keepsTheCpuNumberOfAHostWithOfflineCpus() throws Exception {
    Schedstat stat =
        Schedstat.parse(FILE, "version 15\ntimestamp 1\ncpu0 0 0 1 2 3 4 5 6 7\ncpu3 0 0 1 2 3 4 8 9 10\n");

    assertThat(stat.cpus()).containsExactly(new Schedstat.Cpu("0", 5, 6, 7), new Schedstat.Cpu("3", 8, 9, 10));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "version 15\ncpu0 0 0 1 2 3 4 5000000000\n", // truncated cpu line
      "version 15\ncpu0 0 0 1 2 3 4 5 x 7\n", // not a number
      "version 15\ncpuX 0 0 1 2 3 4 5 6 7\n", // no cpu number
      "version 15\ntimestamp 1\n", // no cpu lines: cut short
      "cpu0 0 0 1 2 3 4 5 6 7\ndomain0 3 1 2 3 4\ndomain1 f 1 2\n", // domain line cut short
      ""})
  void rejectsTruncatedAndMalformedFiles(String content) {
    assertThatThrownBy(() -> Schedstat.parse(FILE, content))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/schedstat");
  }

  @Test
  void parsesThisHostsSchedstat() throws Exception {
    assumeThat(Files.isReadable(FILE)).as("a kernel with CONFIG_SCHEDSTATS").isTrue();
    Schedstat stat = Schedstat.read(new ProcFs(Path.of("/proc")));
    assertThat(stat.cpus()).hasSize(Runtime.getRuntime().availableProcessors())
        .allSatisfy(c -> assertThat(c.runningNanoseconds()).isPositive());
  }
}
