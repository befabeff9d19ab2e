package io.vigil.exporter;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FamilyOrderTest {

  private final FamilyOrder order = new FamilyOrder();

  @Test
  void ordersAsClientJavaDoesOnFirstAndLaterScrapesAndAfterTheNamesChange() {
    Random random = new Random(7);
    List<MetricSnapshot> all = new ArrayList<>();
    for (String name : List.of("node_network_up", "node_network_mtu_bytes", "node_cpu_seconds", "node_load1",
        "node_load15", "node_load5", "a", "node_network_receive_bytes", "vigil_build", "jvm_threads_current")) {
      all.add(gauge(name));
    }
    for (int scrape = 0; scrape < 50; scrape++) {
      List<MetricSnapshot> families = new ArrayList<>(all);
      Collections.shuffle(families, random);
      if (scrape % 7 == 3) {
        families.remove(0); // a collector failed this time
      }
      if (scrape % 11 == 5) {
        families.add(gauge("textfile_metric_" + scrape)); // a name never seen before
      }
      assertThat(names(order.sort(families))).isEqualTo(names(new MetricSnapshots(families)));
    }
  }

  @Test
  void keepsRanksOfEarlierScrapesWithOtherCollectorSelections() {
    List<MetricSnapshot> cpu = List.of(gauge("node_cpu_b"), gauge("node_cpu_a"));
    List<MetricSnapshot> load = List.of(gauge("node_load5"), gauge("node_load1"));
    order.sort(cpu);
    order.sort(load);
    List<MetricSnapshot> both = new ArrayList<>(load);
    both.addAll(cpu);
    assertThat(names(order.sort(both))).containsExactly("node_cpu_a", "node_cpu_b", "node_load1", "node_load5");
  }

  private static List<String> names(Iterable<MetricSnapshot> families) {
    List<String> names = new ArrayList<>();
    families.forEach(f -> names.add(f.getMetadata().getPrometheusName()));
    return names;
  }

  private static MetricSnapshot gauge(String name) {
    return GaugeSnapshot.builder().name(name).help("test").build();
  }
}
