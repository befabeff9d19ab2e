package io.vigil.exporter.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.vigil.exporter.source.ProcStat.CpuTimes;
import io.vigil.exporter.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProcStatTest {

  private static final Path FILE = Path.of("/proc/stat");

  private static ProcStat parseCase(String name) throws Exception {
    Path file = Fixtures.caseDir(ProcStatTest.class, name).resolve("stat");
    return ProcStat.parse(file, Files.readString(file), ProcStat.LINUX_USER_HZ);
  }

  @Test
  void parsesTheCanonicalFixtureInSeconds() throws Exception {
    ProcStat stat = ProcStat.parse(FILE, Fixtures.procFs().read("stat"), ProcStat.LINUX_USER_HZ);

    assertThat(stat.cpus()).extracting(CpuTimes::cpu).containsExactly("0", "1", "2", "3");
    CpuTimes cpu0 = stat.cpus().get(0);
    assertThat(cpu0.seconds())
        .containsExactly(
            Map.entry("user", 1144.02),
            Map.entry("nice", 8.91),
            Map.entry("system", 410.33),
            Map.entry("idle", 24483.58),
            Map.entry("iowait", 30.41),
            Map.entry("irq", 0.0),
            Map.entry("softirq", 23.07),
            Map.entry("steal", 0.0));
    assertThat(cpu0.guestSeconds()).containsExactly(Map.entry("user", 12.0), Map.entry("nice", 0.35));
    assertThat(stat.bootTimeSeconds()).hasValue(1740300000);
    assertThat(stat.contextSwitches()).hasValue(98765432);
    assertThat(stat.interrupts()).hasValue(7486995);
    assertThat(stat.forks()).hasValue(48817);
    assertThat(stat.procsRunning()).hasValue(2);
    assertThat(stat.procsBlocked()).hasValue(1);
  }

  @Test
  void convertsTicksWithTheGivenTickRate() throws Exception {
    ProcStat stat = ProcStat.parse(FILE, "cpu0 250 0 500 1000\n", 250);
    assertThat(stat.cpus().get(0).seconds())
        .containsExactly(
            Map.entry("user", 1.0), Map.entry("nice", 0.0), Map.entry("system", 2.0), Map.entry("idle", 4.0));
  }

  @Test
  void skipsTheAggregateCpuLineAndUnknownKeys() throws Exception {
    ProcStat stat =
        ProcStat.parse(
            FILE, "cpu  9 9 9 9\ncpu0 1 2 3 4\npage 5 6\nswap 0 0\nsoftirq 7 1 2\nfuture_key x\n", 100);
    assertThat(stat.cpus()).extracting(CpuTimes::cpu).containsExactly("0");
    assertThat(stat.interrupts()).isEmpty();
  }

  @Test
  void parsesSixtyFourCpusInFileOrder() throws Exception {
    ProcStat stat = parseCase("cpus-64");
    assertThat(stat.cpus())
        .extracting(CpuTimes::cpu)
        .containsExactlyElementsOf(IntStream.range(0, 64).mapToObj(Integer::toString).toList());
    assertThat(stat.cpus()).allSatisfy(cpu -> assertThat(cpu.seconds()).hasSize(8));
    assertThat(stat.contextSwitches()).hasValue(4567890123L);
  }

  @Test
  void leavesStealAndGuestAbsentOnAKernelThatDoesNotPrintThem() throws Exception {
    ProcStat stat = parseCase("kernel-2.6.9");
    assertThat(stat.cpus()).hasSize(2);
    assertThat(stat.cpus().get(1).seconds())
        .containsOnlyKeys("user", "nice", "system", "idle", "iowait", "irq", "softirq");
    assertThat(stat.cpus().get(1).guestSeconds()).isEmpty();
  }

  @Test
  void keepsGuestWithoutGuestNiceOnKernelsBefore2633() throws Exception {
    ProcStat stat = ProcStat.parse(FILE, "cpu0 100 0 100 100 0 0 0 0 50\n", 100);
    assertThat(stat.cpus().get(0).guestSeconds()).containsExactly(Map.entry("user", 0.5));
  }

  @Test
  void ignoresColumnsAFutureKernelAppends() throws Exception {
    ProcStat stat = ProcStat.parse(FILE, "cpu0 1 2 3 4 5 6 7 8 9 10 11 12\n", 100);
    assertThat(stat.cpus().get(0).seconds()).hasSize(8);
    assertThat(stat.cpus().get(0).guestSeconds()).hasSize(2);
  }

  @Test
  void keepsTheNumbersOfOnlineCpusWhenSomeAreOffline() throws Exception {
    assertThat(parseCase("offline-cpus").cpus())
        .extracting(CpuTimes::cpu)
        .containsExactly("0", "1", "3", "4", "6", "7");
  }

  @Test
  void leavesMissingCountersAbsentInATruncatedFile() throws Exception {
    ProcStat stat = ProcStat.parse(FILE, "cpu  1 2 3 4\ncpu0 1 2 3 4\nintr 12 0 0\nctxt 34\n", 100);
    assertThat(stat.interrupts()).hasValue(12);
    assertThat(stat.contextSwitches()).hasValue(34);
    assertThat(stat.bootTimeSeconds()).isEmpty();
    assertThat(stat.forks()).isEmpty();
    assertThat(stat.procsRunning()).isEmpty();
    assertThat(stat.procsBlocked()).isEmpty();
  }

  @Test
  void convertsCountersBeyondTheSignedLongRangeToPositiveSeconds() throws Exception {
    ProcStat stat = ProcStat.parse(FILE, "cpu0 18446744073709551600 0 0 0\n", 100);
    assertThat(stat.cpus().get(0).seconds().get("user")).isGreaterThan(1.8e17);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "\n",
        "cpu0 1 2 3\n",
        "cpu0 1 2 x 4\n",
        "cpu0 -1 2 3 4\n",
        "cpuX 1 2 3 4\n",
        "cpu0 1 2 3 4\ncpu0 1 2 3 4\n",
        "btime soon\n",
        "ctxt\n",
        "intr abc 1 2\n",
        "processes 1.5\n"
      })
  void rejectsMalformedContentNamingTheFile(String content) {
    assertThatThrownBy(() -> ProcStat.parse(FILE, content, 100))
        .isInstanceOf(MalformedFileException.class)
        .hasMessageStartingWith("/proc/stat:");
  }

  @Test
  void namesTheLineOfAMalformedCpuLine() {
    assertThatThrownBy(() -> ProcStat.parse(FILE, "cpu  1 2 3 4\ncpu0 1 2 3 4\ncpu1 1 2 oops 4\n", 100))
        .isInstanceOf(MalformedFileException.class)
        .hasMessage("/proc/stat:3: expected unsigned integer CPU times: \"cpu1 1 2 oops 4\"");
  }

  @Test
  void parsesThisHostsProcStat() throws Exception {
    Path real = Path.of("/proc/stat");
    assumeThat(Files.isReadable(real)).as("a Linux /proc").isTrue();
    ProcStat stat = ProcStat.parse(real, Files.readString(real), ProcStat.LINUX_USER_HZ);

    assertThat(stat.cpus()).isNotEmpty();
    assertThat(stat.cpus())
        .allSatisfy(cpu -> {
          assertThat(cpu.seconds()).containsKeys("user", "system", "idle");
          assertThat(cpu.seconds().values()).allSatisfy(v -> assertThat(v).isNotNegative());
        });
    assertThat(stat.bootTimeSeconds().orElseThrow()).isBetween(1e9, System.currentTimeMillis() / 1000.0);
    assertThat(stat.contextSwitches().orElseThrow()).isPositive();
    assertThat(stat.forks().orElseThrow()).isPositive();
    assertThat(stat.procsRunning().orElseThrow()).isPositive(); // this test's own thread is running
  }
}
