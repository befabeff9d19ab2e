package io.vigil.exporter.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.vigil.exporter.testing.MetricsText;
import java.util.List;
import org.junit.jupiter.api.Test;

class FamilyCacheTest {

  private final FamilyCache cache = new FamilyCache();

  @Test
  void cachedFamiliesWriteExactlyWhatTheBuildersWrite() {
    for (int scrape = 0; scrape < 3; scrape++) {
      double v = 41.5 + scrape;
      assertSameText(cache.gauge("node_memory_MemFree_bytes", "Memory information field MemFree_bytes.", v),
          Families.gauge("node_memory_MemFree_bytes", "Memory information field MemFree_bytes.", v));
      assertSameText(cache.counter("node_intr", "Total number of interrupts serviced.", v),
          Families.counter("node_intr", "Total number of interrupts serviced.", v));
      assertSameText(cache.untyped("node_netstat_Tcp_InSegs", "Statistic TcpInSegs.", v),
          Families.untyped("node_netstat_Tcp_InSegs", "Statistic TcpInSegs.", v));
    }
  }

  @Test
  void aFamilyWhoseHelpChangesGetsTheNewHelp() {
    cache.gauge("node_x", "old help", 1);
    assertThat(cache.gauge("node_x", "new help", 1).getMetadata().getHelp()).isEqualTo("new help");
  }

  @Test
  void deviceLabelsAreBuiltOnceAndEqualLabelsOf() {
    Labels first = cache.device("eth0");
    assertThat((Object) first).isEqualTo(Labels.of("device", "eth0"));
    assertThat((Object) cache.device("eth0")).isSameAs(first);
  }

  private static void assertSameText(MetricSnapshot cached, MetricSnapshot built) {
    assertThat(MetricsText.of(List.of(cached))).isEqualTo(MetricsText.of(List.of(built)));
  }
}
