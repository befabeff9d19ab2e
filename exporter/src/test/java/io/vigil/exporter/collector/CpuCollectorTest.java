package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.exporter.source.MalformedFileException;
import io.vigil.exporter.source.ProcStat;
import io.vigil.exporter.source.SourceReader;
import io.vigil.exporter.source.procfs.Cpuinfo;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CpuCollectorTest {

  private static final Path FILE = Path.of("/proc/stat");

  private static final SourceReader<ProcStat> FIXTURE_STAT =
      () -> ProcStat.parse(FILE, Fixtures.procFs().read("stat"), ProcStat.LINUX_USER_HZ);

  /** A source that returns the given /proc/stat texts one scrape after another. */
  private static SourceReader<ProcStat> scrapes(String... texts) {
    Deque<String> queue = new ArrayDeque<>(List.of(texts));
    return () -> ProcStat.parse(FILE, queue.removeFirst(), 100);
  }

  @Test
  void exposesModeAndGuestSecondsOfEveryCpuFromTheFixture() throws Exception {
    CpuCollector collector = new CpuCollector(FIXTURE_STAT, Optional.empty());
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_cpu_guest_seconds_total Seconds the CPUs spent in guests (VMs) for each mode.
            # TYPE node_cpu_guest_seconds_total counter
            node_cpu_guest_seconds_total{cpu="0",mode="nice"} 0.35
            node_cpu_guest_seconds_total{cpu="0",mode="user"} 12.0
            node_cpu_guest_seconds_total{cpu="1",mode="nice"} 0.0
            node_cpu_guest_seconds_total{cpu="1",mode="user"} 0.0
            node_cpu_guest_seconds_total{cpu="2",mode="nice"} 0.0
            node_cpu_guest_seconds_total{cpu="2",mode="user"} 0.0
            node_cpu_guest_seconds_total{cpu="3",mode="nice"} 0.0
            node_cpu_guest_seconds_total{cpu="3",mode="user"} 0.0
            # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="0",mode="idle"} 24483.58
            node_cpu_seconds_total{cpu="0",mode="iowait"} 30.41
            node_cpu_seconds_total{cpu="0",mode="irq"} 0.0
            node_cpu_seconds_total{cpu="0",mode="nice"} 8.91
            node_cpu_seconds_total{cpu="0",mode="softirq"} 23.07
            node_cpu_seconds_total{cpu="0",mode="steal"} 0.0
            node_cpu_seconds_total{cpu="0",mode="system"} 410.33
            node_cpu_seconds_total{cpu="0",mode="user"} 1144.02
            node_cpu_seconds_total{cpu="1",mode="idle"} 24658.44
            node_cpu_seconds_total{cpu="1",mode="iowait"} 32.29
            node_cpu_seconds_total{cpu="1",mode="irq"} 0.0
            node_cpu_seconds_total{cpu="1",mode="nice"} 8.41
            node_cpu_seconds_total{cpu="1",mode="softirq"} 18.96
            node_cpu_seconds_total{cpu="1",mode="steal"} 0.0
            node_cpu_seconds_total{cpu="1",mode="system"} 462.19
            node_cpu_seconds_total{cpu="1",mode="user"} 1247.28
            node_cpu_seconds_total{cpu="2",mode="idle"} 24599.04
            node_cpu_seconds_total{cpu="2",mode="iowait"} 28.04
            node_cpu_seconds_total{cpu="2",mode="irq"} 0.0
            node_cpu_seconds_total{cpu="2",mode="nice"} 7.99
            node_cpu_seconds_total{cpu="2",mode="softirq"} 22.56
            node_cpu_seconds_total{cpu="2",mode="steal"} 0.0
            node_cpu_seconds_total{cpu="2",mode="system"} 470.9
            node_cpu_seconds_total{cpu="2",mode="user"} 1109.28
            node_cpu_seconds_total{cpu="3",mode="idle"} 24433.49
            node_cpu_seconds_total{cpu="3",mode="iowait"} 34.5
            node_cpu_seconds_total{cpu="3",mode="irq"} 0.0
            node_cpu_seconds_total{cpu="3",mode="nice"} 7.17
            node_cpu_seconds_total{cpu="3",mode="softirq"} 18.31
            node_cpu_seconds_total{cpu="3",mode="steal"} 0.0
            node_cpu_seconds_total{cpu="3",mode="system"} 496.85
            node_cpu_seconds_total{cpu="3",mode="user"} 1336.43
            """);
  }

  @Test
  void addsOneInfoSeriesPerCpuWhenCpuInfoIsEnabled() throws Exception {
    CpuCollector collector =
        new CpuCollector(scrapes("cpu0 1 0 1 1\n"), Optional.of(() -> Cpuinfo.read(Fixtures.procFs())));
    assertThat(MetricsText.of(collector.collect()))
        .startsWith(
            """
            # HELP node_cpu_info CPU information from /proc/cpuinfo.
            # TYPE node_cpu_info gauge
            node_cpu_info{cachesize="6144 KB",core="0",cpu="0",family="6",microcode="0xf8",model="158",\
            model_name="Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz",package="0",stepping="9",vendor="GenuineIntel"} 1.0
            node_cpu_info{cachesize="6144 KB",core="1",cpu="1",family="6",microcode="0xf8",model="158",\
            model_name="Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz",package="0",stepping="9",vendor="GenuineIntel"} 1.0
            node_cpu_info{cachesize="6144 KB",core="2",cpu="2",family="6",microcode="0xf8",model="158",\
            model_name="Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz",package="0",stepping="9",vendor="GenuineIntel"} 1.0
            node_cpu_info{cachesize="6144 KB",core="3",cpu="3",family="6",microcode="0xf8",model="158",\
            model_name="Intel(R) Core(TM) i5-7500 CPU @ 3.40GHz",package="0",stepping="9",vendor="GenuineIntel"} 1.0
            # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
            """);
  }

  @Test
  void leavesOutStealAndTheGuestFamilyOnAKernelWithoutThoseColumns() throws Exception {
    CpuCollector collector = new CpuCollector(scrapes("cpu  1 2 3 4 5 6 7\ncpu3 1 2 3 4 5 6 7\n"), Optional.empty());
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_cpu_seconds_total Seconds the CPUs spent in each mode.
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="3",mode="idle"} 0.04
            node_cpu_seconds_total{cpu="3",mode="iowait"} 0.05
            node_cpu_seconds_total{cpu="3",mode="irq"} 0.06
            node_cpu_seconds_total{cpu="3",mode="nice"} 0.02
            node_cpu_seconds_total{cpu="3",mode="softirq"} 0.07
            node_cpu_seconds_total{cpu="3",mode="system"} 0.03
            node_cpu_seconds_total{cpu="3",mode="user"} 0.01
            """);
  }

  @Test
  void keepsACounterThatSteppedBackAtItsPreviousValue() throws Exception {
    CpuCollector collector =
        new CpuCollector(
            scrapes("cpu0 100 0 100 10000 500 0 0 0\n", "cpu0 110 0 110 10100 499 0 0 0\n"), Optional.empty());
    collector.collect();
    assertThat(MetricsText.of(collector.collect()))
        .contains("node_cpu_seconds_total{cpu=\"0\",mode=\"iowait\"} 5.0\n")
        .contains("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} 101.0\n");
  }

  @Test
  void startsAfreshWhenIdleJumpsBackThreeSecondsOrMoreAsAfterAHotplug() throws Exception {
    CpuCollector collector =
        new CpuCollector(
            scrapes("cpu0 100 0 100 10000 500 0 0 0\n", "cpu0 5 0 5 9700 1 0 0 0\n"), Optional.empty());
    collector.collect();
    assertThat(MetricsText.of(collector.collect()))
        .contains("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} 97.0\n")
        .contains("node_cpu_seconds_total{cpu=\"0\",mode=\"iowait\"} 0.01\n");
  }

  @Test
  void forgetsAnOfflinedCpuSoItStartsAfreshWhenItReturns() throws Exception {
    CpuCollector collector =
        new CpuCollector(
            scrapes(
                "cpu0 1 0 1 100\ncpu1 900 0 900 900\n",
                "cpu0 2 0 2 200\n",
                "cpu0 3 0 3 300\ncpu1 5 0 5 5\n"),
            Optional.empty());
    collector.collect();
    assertThat(MetricsText.of(collector.collect())).doesNotContain("cpu=\"1\"");
    assertThat(MetricsText.of(collector.collect())).contains("node_cpu_seconds_total{cpu=\"1\",mode=\"user\"} 0.05\n");
  }

  @Test
  void failsWhenProcStatIsMalformed() {
    CpuCollector collector = new CpuCollector(scrapes("cpu0 1 2\n"), Optional.empty());
    assertThatThrownBy(collector::collect).isInstanceOf(MalformedFileException.class);
  }
}
