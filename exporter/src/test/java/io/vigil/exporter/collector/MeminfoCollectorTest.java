package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.exporter.source.Meminfo;
import io.vigil.exporter.testing.Fixtures;
import io.vigil.exporter.testing.MetricsText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeminfoCollectorTest {

  private static final Path FILE = Path.of("/proc/meminfo");

  @Test
  void exposesEveryFieldOfTheFixture() throws Exception {
    MeminfoCollector collector = new MeminfoCollector(() -> Meminfo.parse(FILE, Fixtures.procFs().read("meminfo")));
    Path expected = Fixtures.caseDir(MeminfoCollectorTest.class, "canonical").resolve("expected.prom");
    assertThat(MetricsText.of(collector.collect())).isEqualTo(Files.readString(expected));
  }

  @Test
  void namesSizesWithBytesAndCountsWithout() throws Exception {
    MeminfoCollector collector =
        new MeminfoCollector(
            () -> Meminfo.parse(FILE, "MemTotal:  2061404 kB\nActive(anon):  200488 kB\nHugePages_Total:  4\n"));
    assertThat(MetricsText.of(collector.collect()))
        .isEqualTo(
            """
            # HELP node_memory_Active_anon_bytes Memory information field Active_anon_bytes.
            # TYPE node_memory_Active_anon_bytes gauge
            node_memory_Active_anon_bytes 2.05299712E8
            # HELP node_memory_HugePages_Total Memory information field HugePages_Total.
            # TYPE node_memory_HugePages_Total gauge
            node_memory_HugePages_Total 4.0
            # HELP node_memory_MemTotal_bytes Memory information field MemTotal_bytes.
            # TYPE node_memory_MemTotal_bytes gauge
            node_memory_MemTotal_bytes 2.110877696E9
            """);
  }

  @Test
  void omitsMemAvailableOnKernelsWithoutIt() throws Exception {
    Path file = Fixtures.root().resolve("MeminfoTest").resolve("kernel-3.2").resolve("meminfo");
    MeminfoCollector collector = new MeminfoCollector(() -> Meminfo.parse(file, Files.readString(file)));
    String text = MetricsText.of(collector.collect());
    assertThat(text).doesNotContain("MemAvailable").contains("node_memory_MemFree_bytes 1.227247616E9\n");
  }

  @Test
  void skipsAFieldWhoseNameCannotBeAMetricName() throws Exception {
    MeminfoCollector collector =
        new MeminfoCollector(
            () -> new Meminfo(List.of(new Meminfo.Field("Odd-Key", 1, false), new Meminfo.Field("Ok", 2, false))));
    assertThat(MetricsText.of(collector.collect())).doesNotContain("Odd").contains("node_memory_Ok 2.0\n");
  }
}
